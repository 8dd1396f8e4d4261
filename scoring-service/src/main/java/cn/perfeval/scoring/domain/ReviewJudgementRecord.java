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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One review judgement (复核评分) of the county's evaluator: points for one indicator of a unit-year,
 * kept apart from the unit's own judgements. All are kept; the latest of an indicator is the current one.
 */
@Entity
@Table(name = "review_judgement")
public class ReviewJudgementRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Column(name = "system_code")
    public String systemCode;
    @Column(name = "indicator_code")
    public String indicatorCode;
    public BigDecimal points;
    public String reason;
    public String evidence;
    @Column(name = "judged_by")
    public String judgedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    /** Its place among the review judgements of the indicator, from 1 (its version); set where it is read or recorded. */
    @jakarta.persistence.Transient
    public long version;

    public ReviewScore.ReviewJudgement toJudgement() {
        return new ReviewScore.ReviewJudgement(points, reason, evidence, judgedBy, recordedAt);
    }

    /** The current review judgement of each indicator, by indicator code, in the order first reviewed. */
    public static Map<String, ReviewJudgementRecord> current(String unitCode, int year, String systemCode) {
        Map<String, ReviewJudgementRecord> out = new LinkedHashMap<>();
        Map<String, Long> counts = new java.util.HashMap<>();
        List<ReviewJudgementRecord> all = list("unitCode = ?1 and fiscalYear = ?2 and systemCode = ?3 order by id",
                unitCode, year, systemCode);
        all.forEach(j -> {
            j.version = counts.merge(j.indicatorCode, 1L, Long::sum);
            out.put(j.indicatorCode, j);
        });
        return out;
    }

    public static List<ReviewJudgementRecord> history(String unitCode, int year, String systemCode, String indicatorCode) {
        List<ReviewJudgementRecord> all = list("unitCode = ?1 and fiscalYear = ?2 and systemCode = ?3 and indicatorCode = ?4 "
                + "order by id", unitCode, year, systemCode, indicatorCode);
        for (int i = 0; i < all.size(); i++) {
            all.get(i).version = i + 1;
        }
        return all;
    }

    /** How many review judgements of the indicator are recorded: the version of its current one (0: none yet). */
    public static long version(String unitCode, int year, String systemCode, String indicatorCode) {
        return count("unitCode = ?1 and fiscalYear = ?2 and systemCode = ?3 and indicatorCode = ?4",
                unitCode, year, systemCode, indicatorCode);
    }

    /** The codes of the systems a unit-year has review judgements under. */
    public static List<String> systemsReviewed(String unitCode, int year) {
        return getEntityManager().createQuery("select distinct j.systemCode from ReviewJudgementRecord j "
                        + "where j.unitCode = ?1 and j.fiscalYear = ?2 order by j.systemCode", String.class)
                .setParameter(1, unitCode).setParameter(2, year).getResultList();
    }
}
