package cn.perfeval.report.season;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Seasons, tasks, submissions and scores written straight into the tables (V6 and the read model), for the
 * tests of the overview, the samples and the county document: the code that opens seasons and moves tasks is
 * not what they test.
 */
@ApplicationScoped
public class SeasonFixture {

    private final EntityManager em;

    public SeasonFixture(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public long season(String county, int year, String system, LocalDate deadline, BigDecimal threshold) {
        OffsetDateTime now = OffsetDateTime.now();
        return ((Number) em.createNativeQuery("INSERT INTO season (county, fiscal_year, system_code, deadline, deviation_threshold, "
                        + "version, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, 'fixture', ?6, ?6) RETURNING id")
                .setParameter(1, county).setParameter(2, year).setParameter(3, system).setParameter(4, deadline)
                .setParameter(5, threshold).setParameter(6, now).getSingleResult()).longValue();
    }

    @Transactional
    public long task(long seasonId, String unitCode, int year, String unitName, TaskState state) {
        return ((Number) em.createNativeQuery("INSERT INTO season_task (season_id, unit_code, fiscal_year, unit_name, state, version, "
                        + "submissions, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 1, 0, ?6) RETURNING id")
                .setParameter(1, seasonId).setParameter(2, unitCode).setParameter(3, year).setParameter(4, unitName)
                .setParameter(5, state.name()).setParameter(6, OffsetDateTime.now()).getSingleResult()).longValue();
    }

    /** A submission numbered {@code number} (the task's count follows it), with the budget event as filed. */
    @Transactional
    public void submission(long taskId, String unitCode, int year, int number, String system, BigDecimal total, String grade,
                           String budgetPayload) {
        em.createNativeQuery("INSERT INTO submission (task_id, unit_code, fiscal_year, number, system_code, system_version, "
                        + "budget_version, score_version, total, grade, budget_payload, score_payload, submitted_by, submitted_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, 1, 1, 1, ?6, ?7, ?8, '{}', 'fixture', ?9)")
                .setParameter(1, taskId).setParameter(2, unitCode).setParameter(3, year).setParameter(4, number)
                .setParameter(5, system).setParameter(6, total).setParameter(7, grade).setParameter(8, budgetPayload)
                .setParameter(9, OffsetDateTime.now()).executeUpdate();
        em.createNativeQuery("UPDATE season_task SET submissions = ?2 WHERE id = ?1").setParameter(1, taskId).setParameter(2, number)
                .executeUpdate();
    }

    /** The current score of a unit-year under a system, as the read model keeps it. */
    @Transactional
    public void score(String unitCode, int year, String system, String payload) {
        em.createNativeQuery("INSERT INTO score_view (unit_code, fiscal_year, system_code, version, payload) VALUES (?1, ?2, ?3, 1, ?4) "
                        + "ON CONFLICT (unit_code, fiscal_year, system_code) DO UPDATE SET payload = EXCLUDED.payload, version = score_view.version + 1")
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, system).setParameter(4, payload).executeUpdate();
    }
}
