package cn.perfeval.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The actual value (完成值) of a target as of the end of a month, with the reason for a deviation and
 * who recorded it when. Keyed by the target's code: a new target table keeps the progress of the
 * targets whose code stays.
 */
@Entity
@Table(name = "target_progress")
public class TargetProgress extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "target_progress_id_seq")
    @SequenceGenerator(name = "target_progress_id_seq", sequenceName = "target_progress_id_seq", allocationSize = RowIds.ALLOCATION_SIZE)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_year_id")
    public UnitYear unitYear;

    @Column(name = "target_code")
    public String targetCode;
    public int month;
    @Column(name = "actual_value")
    public BigDecimal actualValue;
    @Column(name = "actual_text")
    public String actualText;
    public String achievement;
    @Column(name = "achievement_percent")
    public BigDecimal achievementPercent;
    @Column(name = "deviation_reason")
    public String deviationReason;
    @Column(name = "recorded_by")
    public String by;
    @Column(name = "recorded_at")
    public OffsetDateTime at;
}
