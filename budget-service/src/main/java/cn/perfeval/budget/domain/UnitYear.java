package cn.perfeval.budget.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unit's data for one fiscal year: the aggregate that every write changes as a whole.
 * Its {@link #version} grows by one with each committed change; it is the HTTP ETag and the
 * version of the event that announces the change.
 */
@Entity
@Table(name = "unit_year")
public class UnitYear extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_code")
    public Unit unit;

    @Column(name = "fiscal_year")
    public int fiscalYear;

    public long version;

    @Embedded
    public Execution execution = new Execution();

    @Embedded
    public Staff staff = new Staff();

    @OneToMany(mappedBy = "unitYear", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    public List<ExpenditureRow> expenditureRows = new ArrayList<>();

    @OneToMany(mappedBy = "unitYear", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    public List<RevenueRow> revenueRows = new ArrayList<>();

    /** Whether a 收支总表 has been recorded (its lines may all be absent only then). */
    @Column(name = "summary_recorded")
    public boolean summaryRecorded;
    @Column(name = "summary_revenue_total")
    public BigDecimal summaryRevenueTotal;
    @Column(name = "summary_carry_forward")
    public BigDecimal summaryCarryForward;
    @Column(name = "summary_expenditure_total")
    public BigDecimal summaryExpenditureTotal;

    @OneToMany(mappedBy = "unitYear", cascade = CascadeType.PERSIST)
    @OrderBy("section, seq")
    public List<SummaryItem> summaryItems = new ArrayList<>();

    @OneToMany(mappedBy = "unitYear", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    public List<Adjustment> adjustments = new ArrayList<>();

    @OneToMany(mappedBy = "unitYear", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    public List<ExecutionRow> executionRows = new ArrayList<>();

    @OneToMany(mappedBy = "unitYear", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    public List<ThreePublicItem> threePublicItems = new ArrayList<>();

    @OneToMany(mappedBy = "unitYear", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    public List<FindingEntity> findings = new ArrayList<>();

    /** Whether a target table (绩效目标表) has been recorded (its indicators may all be absent only then). */
    @Column(name = "targets_recorded")
    public boolean targetsRecorded;
    /** 年度总体目标. */
    @Column(name = "overall_goal")
    public String overallGoal;

    @OneToMany(mappedBy = "unitYear", cascade = CascadeType.PERSIST)
    @OrderBy("seq")
    public List<Target> targets = new ArrayList<>();

    @OneToMany(mappedBy = "unitYear", cascade = CascadeType.PERSIST)
    @OrderBy("targetCode, month")
    public List<TargetProgress> targetProgress = new ArrayList<>();

    @OneToMany(mappedBy = "unitYear", cascade = CascadeType.PERSIST)
    @OrderBy("month")
    public List<MonthExecution> months = new ArrayList<>();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /**
     * The rows written into a unit-year that is not in the database yet ({@link #unsaved}), to be inserted with it
     * in one go; null for a unit-year read from the database or persisted through the session. Not a column.
     */
    @Transient
    public List<Object> unsavedRows;

    /**
     * A unit-year of a unit that has none for this year yet, outside the persistence context: its writes fill its
     * tables without deleting anything first and keep the rows with it, and whoever made it inserts it and them.
     */
    public static UnitYear unsaved(Unit unit, int fiscalYear) {
        UnitYear uy = new UnitYear();
        uy.unit = unit;
        uy.fiscalYear = fiscalYear;
        uy.version = 0;
        uy.unsavedRows = new ArrayList<>();
        return uy;
    }

    /** Whether this unit-year is not in the database yet ({@link #unsaved}). */
    public boolean isNew() {
        return unsavedRows != null;
    }

    /** Marks an unsaved unit-year inserted, with its rows. */
    public void saved() {
        unsavedRows = null;
    }

    /** The progress entries of one target, in month order. */
    public List<TargetProgress> progressOf(String targetCode) {
        return targetProgress.stream().filter(p -> p.targetCode.equals(targetCode))
                .sorted(java.util.Comparator.comparingInt(p -> p.month)).toList();
    }

    /** The months of the monthly execution, in month order. */
    public List<MonthExecution> monthsInOrder() {
        return months.stream().sorted(java.util.Comparator.comparingInt(m -> m.month)).toList();
    }

    /** The latest month recorded in the monthly execution, if any. */
    public Optional<MonthExecution> latestMonth() {
        return months.stream().max(java.util.Comparator.comparingInt(m -> m.month));
    }

    public static Optional<UnitYear> find(String unitCode, int fiscalYear) {
        return find("unit.code = ?1 and fiscalYear = ?2", unitCode, fiscalYear).firstResultOptional();
    }

    public List<SummaryItem> summaryItems(String section) {
        return summaryItems.stream().filter(i -> section.equals(i.section)).toList();
    }

    public static List<UnitYear> listForUnit(String unitCode) {
        return list("unit.code = ?1 order by fiscalYear", unitCode);
    }

    /** Hibernate loads an embedded object whose columns are all null as null. */
    @PostLoad
    void emptyExecutionIsNotNull() {
        if (execution == null) {
            execution = new Execution();
        }
        if (staff == null) {
            staff = new Staff();
        }
    }

    /** Marks a committed change: the next version. */
    public void touch() {
        version++;
        updatedAt = OffsetDateTime.now();
    }
}
