package cn.perfeval.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** One recomputation of a unit-year under one indicator system; all are kept. */
@Entity
@Table(name = "score_result")
public class ScoreRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Column(name = "system_code")
    public String systemCode;
    @Column(name = "system_version")
    public int systemVersion;
    @Column(name = "budget_version")
    public long budgetVersion;
    public long seq;
    public BigDecimal total;
    @Column(name = "max_total")
    public BigDecimal maxTotal;
    public String grade;
    public boolean complete;
    /** JSON of the {@link ScoreResult}. */
    public String result;
    /** A projection on data before the year-end actuals (see {@link ScoreBasis}). */
    public boolean projected;
    @Column(name = "as_of_month")
    public Integer asOfMonth;
    /** JSON of the {@link ScoreBasis}; null on rows written before bases existed (year-end, nothing listed). */
    public String basis;
    /** JSON of the {@link ReviewScore}; null while the unit-year has no review judgement under this system. */
    public String review;
    @Column(name = "computed_at")
    public OffsetDateTime computedAt;

    public static Optional<ScoreRecord> current(String unitCode, int year, String systemCode) {
        return find("unitCode = ?1 and fiscalYear = ?2 and systemCode = ?3 order by seq desc", unitCode, year, systemCode)
                .firstResultOptional();
    }

    /** The latest recomputation computed at or before a time. */
    public static Optional<ScoreRecord> asOf(String unitCode, int year, String systemCode, OffsetDateTime at) {
        return find("unitCode = ?1 and fiscalYear = ?2 and systemCode = ?3 and computedAt <= ?4 order by seq desc",
                unitCode, year, systemCode, at).firstResultOptional();
    }

    public static List<ScoreRecord> history(String unitCode, int year, String systemCode) {
        return list("unitCode = ?1 and fiscalYear = ?2 and systemCode = ?3 order by seq", unitCode, year, systemCode);
    }
}
