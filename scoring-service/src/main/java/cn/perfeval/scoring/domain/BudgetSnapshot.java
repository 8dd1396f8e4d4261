package cn.perfeval.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** The newest budget data of a unit-year that this service has seen, by event version. */
@Entity
@Table(name = "budget_snapshot")
public class BudgetSnapshot extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public long version;
    @Column(name = "unit_name")
    public String unitName;
    public String county;
    /** JSON object of measure name → exact decimal. */
    public String measures;
    /** Whether the data are the year-end ones (the event's period; an event without one is year-end). */
    @Column(name = "year_end")
    public boolean yearEnd = true;
    /** The latest month of execution in the event, null when none. */
    @Column(name = "as_of_month")
    public Integer asOfMonth;
    /** JSON array of the unit-year's targets (the event's {@code targets.indicators}); null when none. */
    public String targets;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Embeddable
    public record Key(@Column(name = "unit_code") String unitCode, @Column(name = "fiscal_year") int fiscalYear)
            implements Serializable {
    }
}
