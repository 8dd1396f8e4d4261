package cn.perfeval.scoring.service;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.platform.audit.AuditTrail;
import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.scoring.domain.Assignment;
import cn.perfeval.scoring.domain.BudgetSnapshot;
import cn.perfeval.scoring.domain.Consistency;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.JudgementRecord;
import cn.perfeval.scoring.domain.Published;
import cn.perfeval.scoring.domain.PublishedRecord;
import cn.perfeval.scoring.domain.ReviewJudgementRecord;
import cn.perfeval.scoring.domain.ReviewScore;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreBasis;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.scoring.domain.Scorer;
import cn.perfeval.scoring.events.ScoreEventWriter;
import cn.perfeval.platform.audit.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each unit-year's budget snapshot, its judgements and what it published, and recomputes
 * its score whenever one of them, or the system assigned to it, changes.
 */
@ApplicationScoped
public class ScoringService {

    private static final Logger LOG = Logger.getLogger(ScoringService.class);
    private static final TypeReference<Map<String, BigDecimal>> MEASURES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final SystemCatalog systems;
    private final ScoreEventWriter events;
    private final AuditTrail audit;
    private final Event<Recomputed> recomputed;
    private final NotScoredMarks notScored;

    public ScoringService(EntityManager em, ObjectMapper mapper, SystemCatalog systems, ScoreEventWriter events,
                          AuditTrail audit, Event<Recomputed> recomputed, NotScoredMarks notScored) {
        this.notScored = notScored;
        this.em = em;
        this.mapper = mapper;
        this.systems = systems;
        this.events = events;
        this.audit = audit;
        this.recomputed = recomputed;
    }

    /** The actor of recomputations driven by budget events, as the audit trail names it. */
    public static final Actor BUDGET_EVENTS = Actor.system("budget-events");

    /** Fired in the transaction of each recomputation; observed after commit by the metrics. */
    public record Recomputed(String unitCode, int fiscalYear, String systemCode) {
    }

    /** What the audit trail keeps of a recomputation: the figures, not the whole explanation. */
    public record ScoreSummary(String systemCode, int systemVersion, long version, long budgetVersion,
                               BigDecimal total, BigDecimal maxTotal, String grade, boolean complete) {

        static ScoreSummary of(ScoreRecord r) {
            return r == null ? null : new ScoreSummary(r.systemCode, r.systemVersion, r.seq, r.budgetVersion, r.total,
                    r.maxTotal, r.grade, r.complete);
        }
    }

    private ScoreRecord rescore(BudgetSnapshot snapshot, IndicatorSystem system) {
        String unit = snapshot.key.unitCode();
        int year = snapshot.key.fiscalYear();
        Map<String, cn.perfeval.scoring.domain.Judgement> judgements = new LinkedHashMap<>();
        JudgementRecord.current(unit, year, system.code()).forEach((code, j) -> judgements.put(code, j.toJudgement()));
        Optional<Published> published = published(unit, year);
        Long last = em.createQuery("select max(s.seq) from ScoreRecord s where s.unitCode = ?1 and s.fiscalYear = ?2 "
                        + "and s.systemCode = ?3", Long.class)
                .setParameter(1, unit).setParameter(2, year)
                .setParameter(3, system.code()).getSingleResult();
        Map<String, ReviewScore.ReviewJudgement> reviews = new LinkedHashMap<>();
        ReviewJudgementRecord.current(unit, year, system.code()).forEach((code, r) -> reviews.put(code, r.toJudgement()));
        Computed c = compute(snapshot, system, judgements, published, last, reviews);
        ScoreRecord record = c.record();
        record.persist();
        upsertRankingEntry(snapshot, record, c.result());
        boolean assigned = systems.systemFor(snapshot.county, year).code().equals(system.code());
        events.scored(snapshot, record, c.result(), c.basis(), assigned, c.review());
        recomputed.fire(new Recomputed(unit, year, system.code()));
        return record;
    }

    /** A recomputation before it is written: the score row (without id), its result, basis and review. */
    record Computed(ScoreRecord record, ScoreResult result, ScoreBasis basis, ReviewScore review) {
    }

    /**
     * Scores a snapshot under a system from what the unit-year has: its current judgements and review
     * judgements under the system, what it published, and the sequence number of its last score row
     * (null: none). Writes nothing.
     */
    Computed compute(BudgetSnapshot snapshot, IndicatorSystem system,
                     Map<String, cn.perfeval.scoring.domain.Judgement> judgements, Optional<Published> published,
                     Long last, Map<String, ReviewScore.ReviewJudgement> reviews) {
        ScoreResult result = Scorer.score(system, read(snapshot.measures), judgements, targets(snapshot));
        if (published.isPresent()) {
            result = result.withInconsistencies(Consistency.compare(published.get(), result, system));
        }
        ScoreRecord record = new ScoreRecord();
        record.unitCode = snapshot.key.unitCode();
        record.fiscalYear = snapshot.key.fiscalYear();
        record.systemCode = system.code();
        record.systemVersion = system.version();
        record.budgetVersion = snapshot.version;
        record.seq = last == null ? 1 : last + 1;
        record.total = result.total();
        record.maxTotal = result.maxTotal();
        record.grade = result.grade();
        record.complete = result.complete();
        record.result = write(result);
        ScoreBasis basis = ScoreBasis.of(system, result, new BudgetUnitYearChanged.Period(snapshot.yearEnd, snapshot.asOfMonth));
        record.projected = basis.projected();
        record.asOfMonth = basis.asOfMonth();
        record.basis = write(basis);
        ReviewScore review = ReviewScore.of(system, result, reviews);
        record.review = review == null ? null : write(review);
        record.computedAt = OffsetDateTime.now();
        return new Computed(record, result, basis, review);
    }

    /** The first-level group subtotals of a result in the system's order, as JSON, as the ranking keeps them. */
    String groupsJson(ScoreResult result) {
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        result.groups().stream().filter(g -> g.parent() == null).forEach(g -> groups.put(g.code(), g.points()));
        return write(groups);
    }

    /** Inserts or replaces the ranking row of a unit-year and system; parameters ?1 to ?15 each once. */
    static final String RANKING_UPSERT = "INSERT INTO ranking_entry (unit_code, fiscal_year, system_code, county, unit_name, score_id, "
                        + "system_version, total, max_total, grade, complete, groups, projected, as_of_month, computed_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
                        + "ON CONFLICT (unit_code, fiscal_year, system_code) DO UPDATE SET county = EXCLUDED.county, "
                        + "unit_name = EXCLUDED.unit_name, score_id = EXCLUDED.score_id, "
                        + "system_version = EXCLUDED.system_version, total = EXCLUDED.total, max_total = EXCLUDED.max_total, "
                        + "grade = EXCLUDED.grade, complete = EXCLUDED.complete, groups = EXCLUDED.groups, "
                        + "projected = EXCLUDED.projected, as_of_month = EXCLUDED.as_of_month, "
                        + "computed_at = EXCLUDED.computed_at";

    /**
     * Keeps the county ranking's row of the unit-year and system (table ranking_entry) the current
     * result, in the transaction of the recomputation: the figures of the score row, the subtotals of
     * the first-level groups in the system's order, and the unit's name and county from its snapshot.
     */
    private void upsertRankingEntry(BudgetSnapshot snapshot, ScoreRecord record, ScoreResult result) {
        em.createNativeQuery(RANKING_UPSERT)
                .setParameter(1, record.unitCode).setParameter(2, record.fiscalYear).setParameter(3, record.systemCode)
                .setParameter(4, snapshot.county).setParameter(5, snapshot.unitName).setParameter(6, record.id)
                .setParameter(7, record.systemVersion).setParameter(8, record.total).setParameter(9, record.maxTotal)
                .setParameter(10, new TypedParameterValue<>(StandardBasicTypes.STRING, record.grade)).setParameter(11, record.complete).setParameter(12, groupsJson(result))
                .setParameter(13, record.projected).setParameter(14, new TypedParameterValue<>(StandardBasicTypes.INTEGER, record.asOfMonth))
                .setParameter(15, record.computedAt)
                .executeUpdate();
    }

    /** The request body of a judgement: points awarded, or a deduction from the maximum. */
    public record JudgementInput(BigDecimal points, BigDecimal deduction, String reason, String evidence, String by,
                                 OffsetDateTime at) {
    }

    /**
     * Records a judgement (kept with all earlier ones) and, when the unit-year's budget data has
     * arrived, recomputes its score under that system from the stored snapshot.
     */
    @Transactional
    public JudgementRecord judge(Actor actor, String unitCode, int year, String systemCode, String indicatorCode,
                                 JudgementInput in, Long ifMatch) {
        BudgetSnapshot snapshot = lockSnapshot(unitCode, year);
        String county = snapshot == null ? null : snapshot.county;
        IndicatorSystem system = systems.versionFor(systemCode, county, year)
                .orElseThrow(() -> ApiException.notFound("没有代码为 " + systemCode + " 的指标体系"));
        IndicatorSystem.Node leaf = system.leaf(indicatorCode)
                .orElseThrow(() -> ApiException.notFound("指标体系 " + systemCode + " 第 " + system.version()
                        + " 版没有指标 " + indicatorCode));
        if (!leaf.judged()) {
            throw ApiException.invalid("indicatorCode", "指标 " + indicatorCode + "（" + leaf.name()
                    + (leaf.fromTargets() != null ? "）按绩效目标完成情况计分" : "）按预算数据计算得分")
                    + "，不由评价人评分", indicatorCode);
        }
        if ((in.points() == null) == (in.deduction() == null)) {
            throw ApiException.invalid("points", "请给出得分（points）或扣分（deduction）二者之一",
                    in.points() == null ? null : in.points().toPlainString());
        }
        BigDecimal max = leaf.maxPoints();
        BigDecimal points;
        if (in.points() != null) {
            if (in.points().signum() < 0 || in.points().compareTo(max) > 0) {
                throw ApiException.invalid("points", "得分应在 0 到该指标满分 " + max.toPlainString() + " 分之间",
                        in.points().toPlainString());
            }
            points = in.points();
        } else {
            if (in.deduction().signum() < 0 || in.deduction().compareTo(max) > 0) {
                throw ApiException.invalid("deduction", "扣分应在 0 到该指标满分 " + max.toPlainString() + " 分之间",
                        in.deduction().toPlainString());
            }
            points = max.subtract(in.deduction());
        }
        lock("judgement:" + unitCode + ":" + year + ":" + systemCode + ":" + indicatorCode);
        long current = JudgementRecord.version(unitCode, year, systemCode, indicatorCode);
        String what = "指标 " + indicatorCode + " 的评分";
        Versions.requireMatch(ifMatch, current > 0, current, what);
        JudgementRecord previous = JudgementRecord.current(unitCode, year, systemCode).get(indicatorCode);
        JudgementRecord j = new JudgementRecord();
        j.unitCode = unitCode;
        j.fiscalYear = year;
        j.systemCode = systemCode;
        j.indicatorCode = indicatorCode;
        j.points = points;
        j.deduction = in.deduction();
        j.reason = in.reason();
        j.evidence = in.evidence();
        j.judgedBy = in.by();
        j.judgedAt = in.at() != null ? in.at() : OffsetDateTime.now();
        j.recordedAt = OffsetDateTime.now();
        j.persist();
        j.version = current + 1;
        ScoreRecord rescored = snapshot == null ? null : rescore(snapshot, system);
        Map<String, Object> after = judgementAudit(j);
        after.put("score", ScoreSummary.of(rescored));
        audit.record(actor, AuditActions.JUDGEMENT_RECORDED, unitCode, year, "judgement:" + systemCode + "/" + indicatorCode,
                previous == null ? null : judgementAudit(previous), after);
        return j;
    }

    /** The request body of a review judgement: the evaluator's points, the reason and the evidence. */
    public record ReviewInput(BigDecimal points, String reason, String evidence) {
    }

    /**
     * Records a review judgement (复核评分) of the county's evaluator, kept with all earlier ones and apart
     * from the unit's own judgements, and, when the unit-year's budget data has arrived, recomputes its
     * score under that system: the self-score comes out as before, the review beside it.
     */
    @Transactional
    public ReviewJudgementRecord review(Actor actor, String unitCode, int year, String systemCode, String indicatorCode,
                                        ReviewInput in, Long ifMatch) {
        BudgetSnapshot snapshot = lockSnapshot(unitCode, year);
        String county = snapshot == null ? null : snapshot.county;
        IndicatorSystem system = systems.versionFor(systemCode, county, year)
                .orElseThrow(() -> ApiException.notFound("没有代码为 " + systemCode + " 的指标体系"));
        IndicatorSystem.Node leaf = system.leaf(indicatorCode)
                .orElseThrow(() -> ApiException.notFound("指标体系 " + systemCode + " 第 " + system.version()
                        + " 版没有指标 " + indicatorCode));
        BigDecimal max = leaf.maxPoints();
        if (in.points().signum() < 0 || in.points().compareTo(max) > 0) {
            throw ApiException.invalid("points", "复核得分应在 0 到该指标满分 " + max.toPlainString() + " 分之间",
                    in.points().toPlainString());
        }
        if (in.points().stripTrailingZeros().scale() > 2) {
            throw ApiException.invalid("points", "复核得分至多保留两位小数", in.points().toPlainString());
        }
        lock("review:" + unitCode + ":" + year + ":" + systemCode + ":" + indicatorCode);
        long current = ReviewJudgementRecord.version(unitCode, year, systemCode, indicatorCode);
        String what = "指标 " + indicatorCode + " 的复核评分";
        Versions.requireMatch(ifMatch, current > 0, current, what);
        ReviewJudgementRecord previous = ReviewJudgementRecord.current(unitCode, year, systemCode).get(indicatorCode);
        ReviewJudgementRecord r = new ReviewJudgementRecord();
        r.unitCode = unitCode;
        r.fiscalYear = year;
        r.systemCode = systemCode;
        r.indicatorCode = indicatorCode;
        r.points = in.points();
        r.reason = in.reason();
        r.evidence = in.evidence();
        r.judgedBy = actor.name();
        r.recordedAt = OffsetDateTime.now();
        r.persist();
        r.version = current + 1;
        ScoreRecord rescored = snapshot == null ? null : rescore(snapshot, system);
        Map<String, Object> after = reviewAudit(r);
        after.put("score", ScoreSummary.of(rescored));
        audit.record(actor, AuditActions.REVIEW_RECORDED, unitCode, year, "review:" + systemCode + "/" + indicatorCode,
                previous == null ? null : reviewAudit(previous), after);
        return r;
    }

    private static Map<String, Object> reviewAudit(ReviewJudgementRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("systemCode", r.systemCode);
        m.put("indicatorCode", r.indicatorCode);
        m.put("points", r.points);
        m.put("reason", r.reason);
        m.put("evidence", r.evidence);
        m.put("by", r.judgedBy);
        return m;
    }

    private static Map<String, Object> judgementAudit(JudgementRecord j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("systemCode", j.systemCode);
        m.put("indicatorCode", j.indicatorCode);
        m.put("points", j.points);
        m.put("deduction", j.deduction);
        m.put("reason", j.reason);
        m.put("evidence", j.evidence);
        m.put("by", j.judgedBy);
        m.put("at", j.judgedAt);
        return m;
    }

    /** Assigns a system version to a county and year and rescores its unit-years with it. */
    @Transactional
    public Assignment assign(Actor actor, String county, int year, String systemCode, int version, Long ifMatch) {
        IndicatorSystem system = systems.find(systemCode, version).orElseThrow(() -> ApiException.invalid("systemVersion",
                "指标体系 " + systemCode + " 没有第 " + version + " 版", Integer.toString(version)));
        lock("assignment:" + county + ":" + year);
        Assignment a = em.find(Assignment.class, new Assignment.Key(county, year), LockModeType.PESSIMISTIC_WRITE);
        String what = county + " " + year + " 年度的指标体系分配";
        Versions.requireMatch(ifMatch, a != null, a == null ? 0 : a.version, what);
        Map<String, Object> before = a == null ? null
                : new LinkedHashMap<>(Map.of("systemCode", a.systemCode, "version", a.systemVersion));
        if (a == null) {
            a = new Assignment();
            a.key = new Assignment.Key(county, year);
            a.systemCode = systemCode;
            a.systemVersion = version;
            a.assignedAt = OffsetDateTime.now();
            a.version = 1;
            a.persist();
        } else if (a.systemCode.equals(systemCode) && a.systemVersion == version) {
            return a;
        } else {
            a.systemCode = systemCode;
            a.systemVersion = version;
            a.assignedAt = OffsetDateTime.now();
            a.version++;
        }
        List<BudgetSnapshot> affected = em.createQuery("select b from BudgetSnapshot b where b.county = ?1 "
                        + "and b.key.fiscalYear = ?2 and b.version > 0 order by b.key.unitCode", BudgetSnapshot.class)
                .setParameter(1, county).setParameter(2, year)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        affected.forEach(s -> rescore(s, system));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("systemCode", systemCode);
        after.put("version", version);
        after.put("rescoredUnits", affected.stream().map(s -> s.key.unitCode()).toList());
        audit.record(actor, AuditActions.ASSIGNMENT_SET, null, year, "assignment:" + county, before, after);
        return a;
    }

    /** Records what a unit published and rescores it, so that its score event lists the differences. */
    @Transactional
    public PublishedRecord recordPublished(Actor actor, String unitCode, int year, Published published, Long ifMatch) {
        BudgetSnapshot snapshot = lockSnapshot(unitCode, year);
        lock("published:" + unitCode + ":" + year);
        long current = PublishedRecord.version(unitCode, year);
        String what = "单位 " + unitCode + " " + year + " 年度公布的得分";
        Versions.requireMatch(ifMatch, current > 0, current, what);
        Published before = published(unitCode, year).orElse(null);
        PublishedRecord r = new PublishedRecord();
        r.unitCode = unitCode;
        r.fiscalYear = year;
        r.document = write(published);
        r.recordedAt = OffsetDateTime.now();
        r.persist();
        r.version = current + 1;
        ScoreRecord rescored = snapshot == null ? null : rescore(snapshot, systems.systemFor(snapshot.county, year));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("published", published);
        after.put("score", ScoreSummary.of(rescored));
        audit.record(actor, AuditActions.PUBLISHED_RECORDED, unitCode, year, "published", before, after);
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Published> published(String unitCode, int year) {
        return recordedPublished(unitCode, year).map(RecordedPublished::published);
    }

    /** The published scores as last recorded, with their version. */
    public record RecordedPublished(Published published, long version) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RecordedPublished> recordedPublished(String unitCode, int year) {
        return PublishedRecord.current(unitCode, year).map(p -> {
            try {
                return new RecordedPublished(mapper.readValue(p.document, Published.class), p.version);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored published scores unreadable", e);
            }
        });
    }

    /**
     * Serialises the writers of one resource until the end of the transaction, also before its first
     * row exists (a row lock cannot), so that its version is read and checked against If-Match by one at a time.
     */
    private void lock(String resource) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, resource).getSingleResult();
    }

    /** The snapshot of a unit-year whose budget data has arrived, locked; null before that. */
    private BudgetSnapshot lockSnapshot(String unitCode, int year) {
        BudgetSnapshot s = em.find(BudgetSnapshot.class, new BudgetSnapshot.Key(unitCode, year), LockModeType.PESSIMISTIC_WRITE);
        return s == null || s.version == 0 ? null : s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<BudgetSnapshot> snapshot(String unitCode, int year) {
        return Optional.ofNullable(em.find(BudgetSnapshot.class, new BudgetSnapshot.Key(unitCode, year)))
                .filter(s -> s.version > 0);
    }

    /**
     * Reads what this service stored itself. Not the request mapper: that one refuses what a client may
     * not send (decimals of more than 10 places, among others), while a stored result keeps the exact
     * value of every formula (6.1539070...).
     */
    private static final ObjectMapper STORED = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public ScoreResult parse(ScoreRecord record) {
        try {
            return STORED.readValue(record.result, ScoreResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score result unreadable", e);
        }
    }

    private static final TypeReference<LinkedHashMap<String, BigDecimal>> GROUPS = new TypeReference<>() {
    };

    /** The first-level group subtotals kept with a ranking row, in the system's order. */
    public Map<String, BigDecimal> groups(String json) {
        try {
            return STORED.readValue(json, GROUPS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored group subtotals unreadable", e);
        }
    }

    private static final TypeReference<List<BudgetUnitYearChanged.Target>> TARGETS = new TypeReference<>() {
    };

    /** The targets kept with a snapshot; null when its event carried none. */
    private static List<BudgetUnitYearChanged.Target> targets(BudgetSnapshot snapshot) {
        if (snapshot.targets == null) {
            return null;
        }
        try {
            return STORED.readValue(snapshot.targets, TARGETS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored targets unreadable", e);
        }
    }

    /** The basis stored with a score; a row written before bases existed is a year-end score with nothing listed. */
    public ScoreBasis basis(String json) {
        if (json == null) {
            return ScoreBasis.YEAR_END;
        }
        try {
            return STORED.readValue(json, ScoreBasis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored basis unreadable", e);
        }
    }

    Map<String, BigDecimal> read(String json) {
        try {
            return STORED.readValue(json, MEASURES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored measures unreadable", e);
        }
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable", e);
        }
    }
}
