package cn.perfeval.scoring.service;

import cn.perfeval.scoring.security.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes and reads the audit trail. {@link #record} joins the caller's transaction
 * ({@code MANDATORY}): an entry exists exactly when the change it describes was committed.
 */
@ApplicationScoped
public class AuditTrail {

    /** Actions, as stored in {@code audit_entry.action}. */
    public static final String SYSTEM_CREATED = "system.created";
    public static final String SYSTEM_VERSION_ADDED = "system.version-added";
    public static final String ASSIGNMENT_SET = "assignment.set";
    public static final String JUDGEMENT_RECORDED = "judgement.recorded";
    public static final String PUBLISHED_RECORDED = "published.recorded";
    public static final String SCORE_RECOMPUTED = "score.recomputed";

    private final EntityManager em;
    private final ObjectMapper mapper;

    public AuditTrail(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /**
     * One entry; {@code before} and {@code after} are serialised as JSON (null stays null). Absent
     * values travel as empty strings turned into SQL NULL by the statement, because a typed null
     * parameter of a native query is bound as bytea by Hibernate and could not be cast to JSONB.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String unitCode, Integer year, String target, Object before, Object after) {
        em.createNativeQuery("INSERT INTO audit_entry (actor, roles, action, unit_code, year, target, before, after) "
                        + "VALUES (?1, ?2, ?3, NULLIF(?4, ''), CAST(NULLIF(?5, '') AS INT), ?6, CAST(NULLIF(?7, '') AS JSONB), CAST(NULLIF(?8, '') AS JSONB))")
                .setParameter(1, actor.name())
                .setParameter(2, String.join(",", actor.roles()))
                .setParameter(3, action)
                .setParameter(4, unitCode == null ? "" : unitCode)
                .setParameter(5, year == null ? "" : year.toString())
                .setParameter(6, target)
                .setParameter(7, json(before))
                .setParameter(8, json(after))
                .executeUpdate();
    }

    /** One entry as listed by {@code GET /api/audit}. */
    public record Entry(long id, OffsetDateTime at, String actor, List<String> roles, String action, String unitCode,
                        Integer year, String target, JsonNode before, JsonNode after) {
    }

    public record Page(int page, int size, long total, List<Entry> entries) {
    }

    /** Entries matching the given filters (null = any), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(String unitCode, Integer year, String actor, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (unitCode != null) {
            params.add(unitCode);
            where.append(" AND unit_code = ?").append(params.size());
        }
        if (year != null) {
            params.add(year);
            where.append(" AND year = ?").append(params.size());
        }
        if (actor != null) {
            params.add(actor);
            where.append(" AND actor = ?").append(params.size());
        }
        var count = em.createNativeQuery("SELECT count(*) FROM audit_entry" + where);
        var select = em.createNativeQuery("SELECT id, at, actor, roles, action, unit_code, year, target, "
                + "CAST(before AS TEXT), CAST(after AS TEXT) FROM audit_entry" + where
                + " ORDER BY at DESC, id DESC LIMIT " + size + " OFFSET " + ((long) page * size));
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
            select.setParameter(i + 1, params.get(i));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<Entry> entries = new ArrayList<>();
        for (Object row : select.getResultList()) {
            Object[] r = (Object[]) row;
            entries.add(new Entry(((Number) r[0]).longValue(), toOffset(r[1]), (String) r[2],
                    r[3] == null || ((String) r[3]).isEmpty() ? List.of() : Arrays.asList(((String) r[3]).split(",")),
                    (String) r[4], emptyToNull((String) r[5]), r[6] == null ? null : ((Number) r[6]).intValue(),
                    (String) r[7], tree((String) r[8]), tree((String) r[9])));
        }
        return new Page(page, size, total, entries);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }

    private String json(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value not serialisable", e);
        }
    }

    private JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit value unreadable", e);
        }
    }
}
