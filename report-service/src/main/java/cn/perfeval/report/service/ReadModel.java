package cn.perfeval.report.service;

import com.fasterxml.jackson.databind.JsonNode;
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

    public ReadModel(EntityManager em) {
        this.em = em;
    }

    /** @return whether the event was newer than what was stored */
    @Transactional
    public boolean applyBudgetEvent(JsonNode event, String payload) {
        return em.createNativeQuery("""
                        INSERT INTO budget_view (unit_code, fiscal_year, version, county, payload, received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (unit_code, fiscal_year) DO UPDATE
                           SET version = EXCLUDED.version, county = EXCLUDED.county,
                               payload = EXCLUDED.payload, received_at = EXCLUDED.received_at
                         WHERE budget_view.version < EXCLUDED.version""")
                .setParameter(1, event.path("unitCode").asText())
                .setParameter(2, event.path("fiscalYear").asInt())
                .setParameter(3, event.path("version").asLong())
                .setParameter(4, event.path("unit").path("county").asText())
                .setParameter(5, payload)
                .setParameter(6, OffsetDateTime.now())
                .executeUpdate() == 1;
    }

    /** @return whether the event was newer than what was stored */
    @Transactional
    public boolean applyScoreEvent(JsonNode event, String payload) {
        return em.createNativeQuery("""
                        INSERT INTO score_view (unit_code, fiscal_year, system_code, version, payload, received_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (unit_code, fiscal_year, system_code) DO UPDATE
                           SET version = EXCLUDED.version, payload = EXCLUDED.payload, received_at = EXCLUDED.received_at
                         WHERE score_view.version < EXCLUDED.version""")
                .setParameter(1, event.path("unitCode").asText())
                .setParameter(2, event.path("fiscalYear").asInt())
                .setParameter(3, event.path("system").path("code").asText())
                .setParameter(4, event.path("version").asLong())
                .setParameter(5, payload)
                .setParameter(6, OffsetDateTime.now())
                .executeUpdate() == 1;
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

    /** The budget events of every unit of a county in a year, by unit code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<String> budgetsOfCounty(String county, int year) {
        return em.createNativeQuery("SELECT payload FROM budget_view WHERE county = ?1 AND fiscal_year = ?2 "
                        + "ORDER BY unit_code", String.class)
                .setParameter(1, county).setParameter(2, year).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reject(String topic, int partition, long offset, String key, String reason, String payload) {
        em.createNativeQuery("INSERT INTO rejected_event (topic, partition_no, record_offset, record_key, reason, payload) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, topic).setParameter(2, partition).setParameter(3, offset)
                .setParameter(4, key).setParameter(5, reason).setParameter(6, payload)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }
}
