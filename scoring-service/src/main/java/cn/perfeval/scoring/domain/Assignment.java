package cn.perfeval.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** The indicator system version that scores the unit-years of a county and year. */
@Entity
@Table(name = "system_assignment")
public class Assignment extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    @Column(name = "system_code")
    public String systemCode;
    @Column(name = "system_version")
    public int systemVersion;
    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;
    /** 1 when first assigned, one more with every change (the ETag of the assignment). */
    public long version;

    @Embeddable
    public record Key(@Column(name = "county") String county, @Column(name = "fiscal_year") int fiscalYear)
            implements Serializable {
    }
}
