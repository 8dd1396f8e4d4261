package cn.perfeval.scoring.service;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.platform.audit.AuditTrail;
import cn.perfeval.platform.outbox.OutboxWriter;
import cn.perfeval.scoring.domain.BudgetSnapshot;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.Judgement;
import cn.perfeval.scoring.domain.JudgementRecord;
import cn.perfeval.scoring.domain.Published;
import cn.perfeval.scoring.domain.PublishedRecord;
import cn.perfeval.scoring.domain.ReviewJudgementRecord;
import cn.perfeval.scoring.domain.ReviewScore;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.events.ScoreEventWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Applies the budget events of one poll in the caller's transaction, with a fixed number of
 * statements per poll instead of about sixteen per event: what every event needs is read in bulk,
 * one query per kind (snapshots, locked in the order of unit codes as an assignment locks them;
 * judgements; review judgements; published scores; the last score sequence numbers), the unit-years
 * are scored in memory ({@link ScoringService#compute}, the same computation as a judgement's
 * rescore), and the snapshots, score rows, ranking rows, audit rows and outbox rows are written as
 * JDBC batches. What is written is what applying the events one by one wrote, except that the audit
 * row of a recomputation names the score row (system and sequence number) instead of repeating its
 * figures ({@link ScoreAuditDetails} completes it when the audit trail is read).
 */
@ApplicationScoped
public class BudgetEventApplier {

    private static final Logger LOG = Logger.getLogger(BudgetEventApplier.class);

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final SystemCatalog systems;
    private final ScoringService scoring;
    private final AuditTrail audit;
    private final ScoreEventWriter events;
    private final NotScoredMarks notScored;
    private final Event<ScoringService.Recomputed> recomputed;

    public BudgetEventApplier(EntityManager em, ObjectMapper mapper, SystemCatalog systems, ScoringService scoring,
                              AuditTrail audit, ScoreEventWriter events, NotScoredMarks notScored,
                              Event<ScoringService.Recomputed> recomputed) {
        this.em = em;
        this.mapper = mapper;
        this.systems = systems;
        this.scoring = scoring;
        this.audit = audit;
        this.events = events;
        this.notScored = notScored;
        this.recomputed = recomputed;
    }

    /** What the audit row of a recomputation keeps: the score row it produced, by system and sequence number. */
    public record ScoreRef(String systemCode, long version) {
    }

    private record Key(String unitCode, int fiscalYear) {
    }

    private record Written(BudgetSnapshot snapshot, ScoringService.Computed computed, boolean assigned, Long before) {
    }

    /**
     * Applies events of distinct unit-years. Idempotent per event: one whose version is not newer than
     * the stored snapshot (a redelivery, a duplicate, an older event) changes nothing. Once scored, a
     * not-scored mark of the unit-year for this version or an older one is cleared.
     *
     * @return how many unit-years were rescored
     */
    @Transactional
    public int apply(Collection<BudgetUnitYearChanged> events) {
        if (events.isEmpty()) {
            return 0;
        }
        em.flush();
        Map<Key, BudgetUnitYearChanged> byKey = new LinkedHashMap<>();
        events.forEach(e -> byKey.put(new Key(e.unitCode(), e.fiscalYear()), e));
        Session session = em.unwrap(Session.class);

        // 1. the snapshots: created empty where missing, then locked and read in the order of unit codes
        List<BudgetSnapshot> locked = session.doReturningWork(c -> lockSnapshots(c, byKey.keySet()));
        List<BudgetSnapshot> applied = new ArrayList<>();
        for (BudgetSnapshot snapshot : locked) {
            BudgetUnitYearChanged event = byKey.get(new Key(snapshot.key.unitCode(), snapshot.key.fiscalYear()));
            if (event == null) {
                continue;
            }
            if (event.version() <= snapshot.version) {
                LOG.debugf("budget event %s:%d v%d already applied (stored v%d)", event.unitCode(), event.fiscalYear(),
                        event.version(), snapshot.version);
                continue;
            }
            snapshot.version = event.version();
            snapshot.unitName = event.unit().name();
            snapshot.county = event.unit().county();
            snapshot.measures = scoring.write(event.measures());
            BudgetUnitYearChanged.Period period = event.periodOrYearEnd();
            snapshot.yearEnd = period.yearEnd();
            snapshot.asOfMonth = period.asOfMonth();
            snapshot.targets = event.targets() == null || event.targets().indicators() == null ? null
                    : scoring.write(event.targets().indicators());
            snapshot.receivedAt = OffsetDateTime.now();
            applied.add(snapshot);
        }
        if (applied.isEmpty()) {
            return 0;
        }
        List<String> units = applied.stream().map(s -> s.key.unitCode()).distinct().toList();
        List<Integer> years = applied.stream().map(s -> s.key.fiscalYear()).distinct().toList();

        // 2. what the unit-years have besides their budget data, one query per kind
        Map<Key, List<JudgementRecord>> judgements = new HashMap<>();
        em.createQuery("select j from JudgementRecord j where j.unitCode in (?1) and j.fiscalYear in (?2) order by j.id",
                        JudgementRecord.class).setParameter(1, units).setParameter(2, years)
                .setHint("org.hibernate.readOnly", true).getResultList()
                .forEach(j -> judgements.computeIfAbsent(new Key(j.unitCode, j.fiscalYear), k -> new ArrayList<>()).add(j));
        Map<Key, List<ReviewJudgementRecord>> reviews = new HashMap<>();
        em.createQuery("select j from ReviewJudgementRecord j where j.unitCode in (?1) and j.fiscalYear in (?2) order by j.id",
                        ReviewJudgementRecord.class).setParameter(1, units).setParameter(2, years)
                .setHint("org.hibernate.readOnly", true).getResultList()
                .forEach(j -> reviews.computeIfAbsent(new Key(j.unitCode, j.fiscalYear), k -> new ArrayList<>()).add(j));
        Map<Key, PublishedRecord> published = new HashMap<>();
        em.createQuery("select p from PublishedRecord p where p.unitCode in (?1) and p.fiscalYear in (?2) order by p.id",
                        PublishedRecord.class).setParameter(1, units).setParameter(2, years)
                .setHint("org.hibernate.readOnly", true).getResultList()
                .forEach(p -> published.put(new Key(p.unitCode, p.fiscalYear), p));
        Map<String, Long> lastSeq = new HashMap<>();
        em.createQuery("select s.unitCode, s.fiscalYear, s.systemCode, max(s.seq) from ScoreRecord s "
                        + "where s.unitCode in (?1) and s.fiscalYear in (?2) group by s.unitCode, s.fiscalYear, s.systemCode",
                        Object[].class).setParameter(1, units).setParameter(2, years).getResultList()
                .forEach(r -> lastSeq.put(r[0] + "\u0000" + r[1] + "\u0000" + r[2], ((Number) r[3]).longValue()));

        // 3. score in memory
        Map<String, IndicatorSystem> assignedSystems = new HashMap<>();
        List<Written> written = new ArrayList<>();
        for (BudgetSnapshot snapshot : applied) {
            Key key = new Key(snapshot.key.unitCode(), snapshot.key.fiscalYear());
            IndicatorSystem assigned = assignedSystems.computeIfAbsent(snapshot.county + "\u0000" + key.fiscalYear(),
                    k -> systems.systemFor(snapshot.county, key.fiscalYear()));
            List<JudgementRecord> judged = judgements.getOrDefault(key, List.of());
            List<ReviewJudgementRecord> reviewed = reviews.getOrDefault(key, List.of());
            // the assigned system and every other system the unit-year has judgements or review judgements under
            Map<String, IndicatorSystem> targets = new LinkedHashMap<>();
            targets.put(assigned.code(), assigned);
            List<String> others = new ArrayList<>(new TreeSet<>(judged.stream().map(j -> j.systemCode).toList()));
            others.addAll(new TreeSet<>(reviewed.stream().map(j -> j.systemCode).toList()));
            for (String code : others) {
                if (!targets.containsKey(code)) {
                    systems.find(code).ifPresent(s -> targets.put(code, s));
                }
            }
            Optional<Published> publishedScores = Optional.ofNullable(published.get(key)).map(this::document);
            for (IndicatorSystem system : targets.values()) {
                Map<String, Judgement> current = new LinkedHashMap<>();
                judged.stream().filter(j -> j.systemCode.equals(system.code()))
                        .forEach(j -> current.put(j.indicatorCode, j.toJudgement()));
                Map<String, ReviewScore.ReviewJudgement> currentReviews = new LinkedHashMap<>();
                reviewed.stream().filter(j -> j.systemCode.equals(system.code()))
                        .forEach(j -> currentReviews.put(j.indicatorCode, j.toJudgement()));
                Long last = lastSeq.get(key.unitCode() + "\u0000" + key.fiscalYear() + "\u0000" + system.code());
                written.add(new Written(snapshot, scoring.compute(snapshot, system, current, publishedScores, last,
                        currentReviews), assigned.code().equals(system.code()), last));
            }
        }

        // 4. write it all as batches
        session.doWork(c -> write(c, applied, written));
        List<AuditTrail.Change> changes = new ArrayList<>(written.size());
        List<OutboxWriter.Pending> pending = new ArrayList<>(written.size());
        for (Written w : written) {
            ScoreRecord r = w.computed().record();
            changes.add(new AuditTrail.Change(AuditActions.SCORE_RECOMPUTED, r.unitCode, r.fiscalYear,
                    "score:" + r.systemCode, w.before() == null ? null : new ScoreRef(r.systemCode, w.before()),
                    new ScoreRef(r.systemCode, r.seq)));
            pending.add(this.events.pending(w.snapshot(), r, w.computed().result(), w.computed().basis(), w.assigned(),
                    w.computed().review()));
        }
        audit.recordAll(ScoringService.BUDGET_EVENTS, changes);
        this.events.writeAll(pending);
        notScored.scored(applied.stream().map(s -> new NotScoredMarks.Scored(s.key.unitCode(), s.key.fiscalYear(),
                s.version)).toList());
        for (Written w : written) {
            ScoreRecord r = w.computed().record();
            recomputed.fire(new ScoringService.Recomputed(r.unitCode, r.fiscalYear, r.systemCode));
        }
        return applied.size();
    }

    private Published document(PublishedRecord p) {
        try {
            return mapper.readValue(p.document, Published.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored published scores unreadable", e);
        }
    }

    private static List<BudgetSnapshot> lockSnapshots(Connection c, Collection<Key> keys) throws SQLException {
        Array units = c.createArrayOf("varchar", keys.stream().map(Key::unitCode).toArray());
        Array years = c.createArrayOf("int4", keys.stream().map(Key::fiscalYear).toArray());
        try (PreparedStatement st = c.prepareStatement("INSERT INTO budget_snapshot (unit_code, fiscal_year, version, "
                + "unit_name, county, measures) SELECT k.u, k.y, 0, '', '', '{}' FROM unnest(?, ?) AS k(u, y) "
                + "ORDER BY k.u, k.y ON CONFLICT DO NOTHING")) {
            st.setArray(1, units);
            st.setArray(2, years);
            st.executeUpdate();
        }
        List<BudgetSnapshot> out = new ArrayList<>(keys.size());
        try (PreparedStatement st = c.prepareStatement("SELECT b.unit_code, b.fiscal_year, b.version, b.unit_name, "
                + "b.county, b.measures, b.year_end, b.as_of_month, b.targets, b.received_at FROM budget_snapshot b "
                + "JOIN unnest(?, ?) AS k(u, y) ON b.unit_code = k.u AND b.fiscal_year = k.y "
                + "ORDER BY b.unit_code, b.fiscal_year FOR UPDATE OF b")) {
            st.setArray(1, units);
            st.setArray(2, years);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    BudgetSnapshot s = new BudgetSnapshot();
                    s.key = new BudgetSnapshot.Key(rs.getString(1), rs.getInt(2));
                    s.version = rs.getLong(3);
                    s.unitName = rs.getString(4);
                    s.county = rs.getString(5);
                    s.measures = rs.getString(6);
                    s.yearEnd = rs.getBoolean(7);
                    s.asOfMonth = (Integer) rs.getObject(8);
                    s.targets = rs.getString(9);
                    s.receivedAt = rs.getObject(10, OffsetDateTime.class);
                    out.add(s);
                }
            }
        }
        return out;
    }

    private void write(Connection c, List<BudgetSnapshot> applied, List<Written> written) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE budget_snapshot SET version = ?, unit_name = ?, county = ?, "
                + "measures = ?, year_end = ?, as_of_month = ?, targets = ?, received_at = ? "
                + "WHERE unit_code = ? AND fiscal_year = ?")) {
            for (BudgetSnapshot s : applied) {
                st.setLong(1, s.version);
                st.setString(2, s.unitName);
                st.setString(3, s.county);
                st.setString(4, s.measures);
                st.setBoolean(5, s.yearEnd);
                setInteger(st, 6, s.asOfMonth);
                st.setString(7, s.targets);
                st.setObject(8, s.receivedAt);
                st.setString(9, s.key.unitCode());
                st.setInt(10, s.key.fiscalYear());
                st.addBatch();
            }
            st.executeBatch();
        }
        // the ranking lists a unit under the name and county of its snapshot, also under systems not rescored now
        try (PreparedStatement st = c.prepareStatement("UPDATE ranking_entry r SET county = k.c, unit_name = k.n "
                + "FROM unnest(?, ?, ?, ?) AS k(u, y, c, n) WHERE r.unit_code = k.u AND r.fiscal_year = k.y "
                + "AND (r.county <> k.c OR r.unit_name <> k.n)")) {
            st.setArray(1, c.createArrayOf("varchar", applied.stream().map(s -> s.key.unitCode()).toArray()));
            st.setArray(2, c.createArrayOf("int4", applied.stream().map(s -> s.key.fiscalYear()).toArray()));
            st.setArray(3, c.createArrayOf("varchar", applied.stream().map(s -> s.county).toArray()));
            st.setArray(4, c.createArrayOf("varchar", applied.stream().map(s -> s.unitName).toArray()));
            st.executeUpdate();
        }
        if (written.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT nextval(pg_get_serial_sequence('score_result', 'id')) "
                + "FROM generate_series(1, ?)")) {
            st.setInt(1, written.size());
            try (ResultSet rs = st.executeQuery()) {
                for (Written w : written) {
                    rs.next();
                    w.computed().record().id = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO score_result (id, unit_code, fiscal_year, system_code, "
                + "system_version, budget_version, seq, total, max_total, grade, complete, result, projected, as_of_month, "
                + "basis, review, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Written w : written) {
                ScoreRecord r = w.computed().record();
                st.setLong(1, r.id);
                st.setString(2, r.unitCode);
                st.setInt(3, r.fiscalYear);
                st.setString(4, r.systemCode);
                st.setInt(5, r.systemVersion);
                st.setLong(6, r.budgetVersion);
                st.setLong(7, r.seq);
                st.setBigDecimal(8, r.total);
                st.setBigDecimal(9, r.maxTotal);
                st.setString(10, r.grade);
                st.setBoolean(11, r.complete);
                st.setString(12, r.result);
                st.setBoolean(13, r.projected);
                setInteger(st, 14, r.asOfMonth);
                st.setString(15, r.basis);
                st.setString(16, r.review);
                st.setObject(17, r.computedAt);
                st.addBatch();
            }
            st.executeBatch();
        }
        try (PreparedStatement st = c.prepareStatement(ScoringService.RANKING_UPSERT.replaceAll("\\?\\d+", "?"))) {
            for (Written w : written) {
                ScoreRecord r = w.computed().record();
                st.setString(1, r.unitCode);
                st.setInt(2, r.fiscalYear);
                st.setString(3, r.systemCode);
                st.setString(4, w.snapshot().county);
                st.setString(5, w.snapshot().unitName);
                st.setLong(6, r.id);
                st.setInt(7, r.systemVersion);
                st.setBigDecimal(8, r.total);
                st.setBigDecimal(9, r.maxTotal);
                st.setString(10, r.grade);
                st.setBoolean(11, r.complete);
                st.setString(12, scoring.groupsJson(w.computed().result()));
                st.setBoolean(13, r.projected);
                setInteger(st, 14, r.asOfMonth);
                st.setObject(15, r.computedAt);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void setInteger(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }
}
