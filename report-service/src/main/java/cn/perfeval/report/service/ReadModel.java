package cn.perfeval.report.service;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.UnitYearScored;
import cn.perfeval.platform.audit.AuditTrail;
import cn.perfeval.platform.audit.Actor;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * report-service's copy of the budget data and scores, kept from the Kafka topics alone. Each
 * upsert keeps the newer version only, so redelivered or older events change nothing.
 */
@ApplicationScoped
public class ReadModel {

    private final EntityManager em;
    private final AuditTrail audit;

    public ReadModel(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    /**
     * Keeps the event when it is newer than the stored one, with an audit row in the same
     * transaction (actor {@code system:<topic>}).
     *
     * @return whether the event was newer than what was stored
     */
    @Transactional
    public boolean applyBudgetEvent(BudgetUnitYearChanged event, String payload, String topic) {
        Long before = storedVersion("budget_view", event.unitCode(), event.fiscalYear(), null);
        boolean applied = em.createNativeQuery("""
                        INSERT INTO budget_view (unit_code, fiscal_year, version, county, payload, received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (unit_code, fiscal_year) DO UPDATE
                           SET version = EXCLUDED.version, county = EXCLUDED.county,
                               payload = EXCLUDED.payload, received_at = EXCLUDED.received_at
                         WHERE budget_view.version < EXCLUDED.version""")
                .setParameter(1, event.unitCode())
                .setParameter(2, event.fiscalYear())
                .setParameter(3, event.version())
                .setParameter(4, event.unit().county())
                .setParameter(5, payload)
                .setParameter(6, OffsetDateTime.now())
                .executeUpdate() == 1;
        if (applied) {
            ObjectNode after = summary(event.type(), event.eventId(), event.version());
            after.put("county", event.unit().county());
            after.put("unitName", event.unit().name());
            audit.record(Actor.system(topic), "budget.apply", event.unitCode(),
                    event.fiscalYear(), "budget_view", AuditTrail.rawJson(versionJson(before)), after);
        }
        return applied;
    }

    /**
     * Keeps the score when it is newer than the stored one for its system, with an audit row in
     * the same transaction.
     *
     * @return whether the event was newer than what was stored
     */
    @Transactional
    public boolean applyScoreEvent(UnitYearScored event, String payload, String topic) {
        String system = event.system().code();
        Long before = storedVersion("score_view", event.unitCode(), event.fiscalYear(), system);
        boolean applied = em.createNativeQuery("""
                        INSERT INTO score_view (unit_code, fiscal_year, system_code, version, payload, received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (unit_code, fiscal_year, system_code) DO UPDATE
                           SET version = EXCLUDED.version, payload = EXCLUDED.payload, received_at = EXCLUDED.received_at
                         WHERE score_view.version < EXCLUDED.version""")
                .setParameter(1, event.unitCode())
                .setParameter(2, event.fiscalYear())
                .setParameter(3, system)
                .setParameter(4, event.version())
                .setParameter(5, payload)
                .setParameter(6, OffsetDateTime.now())
                .executeUpdate() == 1;
        if (applied) {
            ObjectNode after = summary(event.type(), event.eventId(), event.version());
            after.put("system", system);
            after.put("budgetVersion", event.budgetVersion());
            after.put("total", event.total());
            after.put("grade", event.grade());
            after.put("complete", event.complete());
            audit.record(Actor.system(topic), "score.apply", event.unitCode(),
                    event.fiscalYear(), "score_view:" + system, AuditTrail.rawJson(versionJson(before)), after);
        }
        return applied;
    }

    /** What the audit trail keeps of an event: its identity and version, never the whole payload. */
    private static ObjectNode summary(String type, String eventId, long version) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("type", type);
        s.put("eventId", eventId);
        s.put("version", version);
        return s;
    }

    private static String versionJson(Long version) {
        return version == null ? null : "{\"version\": " + version + "}";
    }

    private Long storedVersion(String table, String unitCode, int fiscalYear, String system) {
        jakarta.persistence.Query q = em.createNativeQuery("SELECT version FROM " + table
                        + " WHERE unit_code = ?1 AND fiscal_year = ?2" + (system == null ? "" : " AND system_code = ?3"))
                .setParameter(1, unitCode)
                .setParameter(2, fiscalYear);
        if (system != null) {
            q.setParameter(3, system);
        }
        List<?> rows = q.getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> budget(String unitCode, int year) {
        return first(em.createNativeQuery("SELECT payload FROM budget_view WHERE unit_code = ?1 AND fiscal_year = ?2", String.class)
                .setParameter(1, unitCode).setParameter(2, year).getResultList());
    }

    /**
     * The score of a unit-year under the given system; when {@code systemCode} is null, under the
     * system assigned to its county and year (scoring marks it {@code assigned}), else the newest.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> score(String unitCode, int year, String systemCode) {
        return first(em.createNativeQuery("SELECT payload FROM score_view WHERE unit_code = ?1 AND fiscal_year = ?2 "
                        + "AND (?3 = '' OR system_code = ?3) "
                        + "ORDER BY COALESCE((CAST(payload AS jsonb) ->> 'assigned') = 'true', FALSE) DESC, received_at DESC "
                        + "LIMIT 1", String.class)
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, systemCode == null ? "" : systemCode)
                .getResultList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> unitName(String unitCode, int year) {
        return first(em.createNativeQuery("SELECT CAST(payload AS jsonb) -> 'unit' ->> 'name' FROM budget_view "
                        + "WHERE unit_code = ?1 AND fiscal_year = ?2", String.class)
                .setParameter(1, unitCode).setParameter(2, year).getResultList());
    }

    /**
     * The county of a unit as its budget events say: that of the given year, else that of the
     * unit's newest year (a unit whose narrative is written before its data arrives for that year).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> county(String unitCode, int year) {
        return first(em.createNativeQuery("SELECT county FROM budget_view WHERE unit_code = ?1 "
                        + "ORDER BY (fiscal_year = ?2) DESC, fiscal_year DESC LIMIT 1", String.class)
                .setParameter(1, unitCode).setParameter(2, year).getResultList());
    }

    /** The budget events of every unit of a county in a year, by unit code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> budgetsOfCounty(String county, int year) {
        return em.createNativeQuery("SELECT payload FROM budget_view WHERE county = ?1 AND fiscal_year = ?2 "
                        + "ORDER BY unit_code", String.class)
                .setParameter(1, county).setParameter(2, year).getResultList();
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }
}
