package cn.perfeval.report.season;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The season tables (V6) as the overview, the samples and the county review document read them: plain
 * queries of their own, apart from the code that writes seasons, tasks and submissions.
 */
@ApplicationScoped
public class SeasonOverviewReads {

    /** A county-year's season settings. */
    public record Season(long id, String county, int year, String systemCode, LocalDate deadline, BigDecimal deviationThreshold) {
    }

    /** A task of the season. */
    public record Task(String unitCode, String unitName, TaskState state, int submissions) {
    }

    /** The latest submission of a unit in the season. */
    public record LatestSubmission(String unitCode, int number, BigDecimal total, String grade, String budgetPayload) {
    }

    /** A recorded sample's row. */
    public record SampleRow(long id, int number, BigDecimal share, long seed, String rules, String population,
                            String drawnBy, OffsetDateTime drawnAt) {
    }

    /** A unit of a recorded sample with one reason. */
    public record SampleUnitRow(String unitCode, String reason, String reasonText) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;

    public SeasonOverviewReads(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public Optional<Season> season(String county, int year) {
        List<?> rows = em.createNativeQuery("SELECT id, county, fiscal_year, system_code, deadline, deviation_threshold "
                        + "FROM season WHERE county = ?1 AND fiscal_year = ?2")
                .setParameter(1, county).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Season(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                date(r[4]), (BigDecimal) r[5]));
    }

    /** Locks the season's row until the transaction ends: draws of one season are numbered one after another. */
    public void lock(long seasonId) {
        em.createNativeQuery("SELECT id FROM season WHERE id = ?1 FOR UPDATE").setParameter(1, seasonId).getResultList();
    }

    public List<Task> tasks(long seasonId) {
        List<Task> out = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT unit_code, unit_name, state, submissions FROM season_task "
                + "WHERE season_id = ?1 ORDER BY unit_code").setParameter(1, seasonId).getResultList()) {
            Object[] r = (Object[]) o;
            out.add(new Task((String) r[0], (String) r[1], TaskState.valueOf((String) r[2]), ((Number) r[3]).intValue()));
        }
        return out;
    }

    /** The latest submission of every unit of the season that has one, by unit code. */
    public List<LatestSubmission> latestSubmissions(long seasonId, boolean withBudget) {
        List<LatestSubmission> out = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT DISTINCT ON (s.unit_code) s.unit_code, s.number, s.total, s.grade, "
                        + (withBudget ? "s.budget_payload" : "CAST(NULL AS TEXT)")
                        + " FROM submission s JOIN season_task t ON t.id = s.task_id "
                        + "WHERE t.season_id = ?1 ORDER BY s.unit_code, s.number DESC")
                .setParameter(1, seasonId).getResultList()) {
            Object[] r = (Object[]) o;
            out.add(new LatestSubmission((String) r[0], ((Number) r[1]).intValue(), (BigDecimal) r[2], (String) r[3], (String) r[4]));
        }
        return out;
    }

    /** The {@code review} of the current score of a unit-year under a system (scoring's UnitYearScored.review), if any. */
    public Optional<JsonNode> review(String unitCode, int year, String systemCode) {
        List<?> rows = em.createNativeQuery("SELECT payload FROM score_view WHERE unit_code = ?1 AND fiscal_year = ?2 AND system_code = ?3",
                        String.class)
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, systemCode).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        JsonNode review = tree((String) rows.get(0)).path("review");
        return review.isObject() ? Optional.of(review) : Optional.empty();
    }

    /** The unit's name: its task's, else as its budget events say. */
    public Optional<String> unitName(Season season, String unitCode) {
        List<?> rows = em.createNativeQuery("SELECT COALESCE((SELECT unit_name FROM season_task WHERE season_id = ?1 AND unit_code = ?2), "
                        + "(SELECT CAST(payload AS jsonb) -> 'unit' ->> 'name' FROM budget_view WHERE unit_code = ?2 AND fiscal_year = ?3))",
                        String.class)
                .setParameter(1, season.id()).setParameter(2, unitCode).setParameter(3, season.year()).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /** The name of an indicator system as the scores under it state it, if any score under it has arrived. */
    public Optional<String> systemName(String systemCode) {
        List<?> rows = em.createNativeQuery("SELECT CAST(payload AS jsonb) -> 'system' ->> 'name' FROM score_view "
                        + "WHERE system_code = ?1 AND CAST(payload AS jsonb) -> 'system' ->> 'name' IS NOT NULL "
                        + "ORDER BY fiscal_year DESC, received_at DESC LIMIT 1", String.class)
                .setParameter(1, systemCode).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    public int nextSampleNumber(long seasonId) {
        return ((Number) em.createNativeQuery("SELECT COALESCE(MAX(number), 0) + 1 FROM season_sample WHERE season_id = ?1")
                .setParameter(1, seasonId).getSingleResult()).intValue();
    }

    public long insertSample(long seasonId, int number, BigDecimal share, long seed, String rules, String population,
                             String drawnBy, OffsetDateTime drawnAt) {
        return ((Number) em.createNativeQuery("INSERT INTO season_sample (season_id, number, share, seed, rules, population, "
                        + "drawn_by, drawn_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id")
                .setParameter(1, seasonId).setParameter(2, number).setParameter(3, share).setParameter(4, seed)
                .setParameter(5, rules).setParameter(6, population).setParameter(7, drawnBy).setParameter(8, drawnAt)
                .getSingleResult()).longValue();
    }

    public void insertSampleUnit(long sampleId, String unitCode, String reason, String reasonText) {
        em.createNativeQuery("INSERT INTO season_sample_unit (sample_id, unit_code, reason, reason_text) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, sampleId).setParameter(2, unitCode).setParameter(3, reason).setParameter(4, reasonText)
                .executeUpdate();
    }

    public long countSamples(long seasonId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM season_sample WHERE season_id = ?1")
                .setParameter(1, seasonId).getSingleResult()).longValue();
    }

    /** Samples newest first, one page. */
    public List<SampleRow> samples(long seasonId, int page, int size) {
        return sampleRows(em.createNativeQuery(SAMPLE + "WHERE season_id = ?1 ORDER BY number DESC LIMIT ?2 OFFSET ?3")
                .setParameter(1, seasonId).setParameter(2, size).setParameter(3, (long) page * size).getResultList());
    }

    public Optional<SampleRow> sample(long seasonId, int number) {
        return sampleRows(em.createNativeQuery(SAMPLE + "WHERE season_id = ?1 AND number = ?2")
                .setParameter(1, seasonId).setParameter(2, number).getResultList()).stream().findFirst();
    }

    public Optional<SampleRow> latestSample(long seasonId) {
        return sampleRows(em.createNativeQuery(SAMPLE + "WHERE season_id = ?1 ORDER BY number DESC LIMIT 1")
                .setParameter(1, seasonId).getResultList()).stream().findFirst();
    }

    public List<SampleUnitRow> sampleUnits(long sampleId) {
        List<SampleUnitRow> out = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT unit_code, reason, reason_text FROM season_sample_unit WHERE sample_id = ?1 "
                + "ORDER BY unit_code, CASE reason WHEN 'RANDOM' THEN 0 ELSE 1 END, reason").setParameter(1, sampleId).getResultList()) {
            Object[] r = (Object[]) o;
            out.add(new SampleUnitRow((String) r[0], (String) r[1], (String) r[2]));
        }
        return out;
    }

    private static final String SAMPLE = "SELECT id, number, share, seed, rules, population, drawn_by, drawn_at FROM season_sample ";

    private static List<SampleRow> sampleRows(List<?> rows) {
        List<SampleRow> out = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            out.add(new SampleRow(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (BigDecimal) r[2],
                    ((Number) r[3]).longValue(), (String) r[4], (String) r[5], (String) r[6], instant(r[7])));
        }
        return out;
    }

    private static LocalDate date(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        return ((Date) o).toLocalDate();
    }

    private static OffsetDateTime instant(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }

    JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored payload unreadable", e);
        }
    }
}
