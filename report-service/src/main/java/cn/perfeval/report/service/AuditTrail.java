package cn.perfeval.report.service;

import cn.perfeval.report.domain.Actor;
import cn.perfeval.report.domain.AuditEntry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audit trail (docs/security.md). {@link #record} joins the caller's transaction
 * ({@code MANDATORY}), so that a change and its audit row commit or roll back together: there is
 * never a change without its row, nor a row for a change that did not happen.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public AuditTrail(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** Writes one row in the current transaction; {@code before}/{@code after} are JSON texts or null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String unitCode, Integer year, String target,
                       String before, String after) {
        em.createNativeQuery("INSERT INTO audit_entry (at, actor, roles, action, unit_code, year, target, before, after) "
                        + "VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''), NULLIF(?6, 0), NULLIF(?7, ''), CAST(NULLIF(?8, 'null') AS jsonb), CAST(NULLIF(?9, 'null') AS jsonb))")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(2, actor.name())
                .setParameter(3, String.join(",", actor.roles().stream().sorted().toList()))
                .setParameter(4, action)
                .setParameter(5, unitCode == null ? "" : unitCode)
                .setParameter(6, year == null ? 0 : year)
                .setParameter(7, target == null ? "" : target)
                // never bind a SQL null: its type would be unknown to the driver; "null" is stored as NULL
                .setParameter(8, before == null ? "null" : before)
                .setParameter(9, after == null ? "null" : after)
                .executeUpdate();
    }

    /** A page of entries matching the filters (each may be null), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public AuditEntry.Page list(String unitCode, Integer year, String actor, int page, int size) {
        // '' and 0 stand for "any": bound values are never null, so their SQL types stay known
        String where = " WHERE (?1 = '' OR unit_code = ?1) AND (?2 = 0 OR year = ?2) AND (?3 = '' OR actor = ?3)";
        Query count = em.createNativeQuery("SELECT COUNT(*) FROM audit_entry" + where);
        long total = ((Number) bind(count, unitCode, year, actor).getSingleResult()).longValue();
        Query rows = em.createNativeQuery("SELECT id, at, actor, roles, action, unit_code, year, target, "
                + "CAST(before AS TEXT), CAST(after AS TEXT) FROM audit_entry" + where
                + " ORDER BY at DESC, id DESC LIMIT ?4 OFFSET ?5");
        bind(rows, unitCode, year, actor).setParameter(4, size).setParameter(5, (long) page * size);
        List<AuditEntry> entries = new ArrayList<>();
        for (Object[] r : (List<Object[]>) rows.getResultList()) {
            String roles = (String) r[3];
            entries.add(new AuditEntry(((Number) r[0]).longValue(), time(r[1]), (String) r[2],
                    roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), (String) r[4], (String) r[5],
                    r[6] == null ? null : ((Number) r[6]).intValue(), (String) r[7], tree((String) r[8]),
                    tree((String) r[9])));
        }
        return new AuditEntry.Page(page, size, total, entries);
    }

    private static Query bind(Query q, String unitCode, Integer year, String actor) {
        return q.setParameter(1, unitCode == null ? "" : unitCode).setParameter(2, year == null ? 0 : year)
                .setParameter(3, actor == null ? "" : actor);
    }

    private static OffsetDateTime time(Object v) {
        return v instanceof OffsetDateTime o ? o.withOffsetSameInstant(ZoneOffset.UTC)
                : v instanceof Instant i ? i.atOffset(ZoneOffset.UTC)
                : v instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC)
                : null;
    }

    private JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit JSON unreadable", e);
        }
    }
}
