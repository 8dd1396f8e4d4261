package cn.perfeval.budget.service;

import cn.perfeval.budget.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the audit trail. A row is written inside the transaction of the change it
 * records ({@code MANDATORY}), so there is never a change without its row, nor a row for a change
 * that was rolled back. Plain SQL: the JSON columns are {@code jsonb}, cast in the statement.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Caller caller;

    public AuditTrail(EntityManager em, ObjectMapper mapper, Caller caller) {
        this.em = em;
        this.mapper = mapper;
        this.caller = caller;
    }

    /** One recorded change. */
    public record Entry(long id, OffsetDateTime at, String actor, List<String> roles, String action, String unitCode,
                        Integer year, String target, JsonNode before, JsonNode after) {
    }

    public record Page(List<Entry> items, int page, int size, long total) {
    }

    /** Records a change by the calling user; {@code before} is null when the thing did not exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String unitCode, Integer year, String target, Object before, Object after) {
        em.createNativeQuery("INSERT INTO audit_entry (actor, roles, action, unit_code, year, target, before, after) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), CAST(?8 AS jsonb))")
                .setParameter(1, caller.actor())
                .setParameter(2, String.join(",", caller.roles()))
                .setParameter(3, action)
                .setParameter(4, unitCode)
                .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.INTEGER, year))
                .setParameter(6, target)
                .setParameter(7, new TypedParameterValue<>(StandardBasicTypes.STRING, before == null ? null : json(before)))
                .setParameter(8, json(after))
                .executeUpdate();
    }

    /** Newest first; each filter applies when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(String unitCode, Integer year, String actor, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (unitCode != null) {
            where.add("unit_code = :unit");
            params.put("unit", unitCode);
        }
        if (year != null) {
            where.add("year = :year");
            params.put("year", year);
        }
        if (actor != null) {
            where.add("actor = :actor");
            params.put("actor", actor);
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        var count = em.createNativeQuery("SELECT count(*) FROM audit_entry" + filter, Long.class);
        var rows = em.createNativeQuery("SELECT id, at, actor, roles, action, unit_code, year, target, "
                + "CAST(before AS text), CAST(after AS text) FROM audit_entry" + filter
                + " ORDER BY at DESC, id DESC");
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<Entry> items = new ArrayList<>();
        for (Object o : rows.setFirstResult(page * size).setMaxResults(size).getResultList()) {
            Object[] r = (Object[]) o;
            items.add(new Entry(((Number) r[0]).longValue(), toOffset(r[1]), (String) r[2],
                    r[3] == null || r[3].toString().isEmpty() ? List.of() : Arrays.asList(r[3].toString().split(",")),
                    (String) r[4], (String) r[5], r[6] == null ? null : ((Number) r[6]).intValue(), (String) r[7],
                    tree((String) r[8]), tree((String) r[9])));
        }
        return new Page(items, page, size, total);
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
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value not serialisable", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit JSON unreadable", e);
        }
    }
}
