package cn.perfeval.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes and reads the audit trail ({@code audit_entry}, the same table in every service; docs/security.md).
 * {@link #record} joins the caller's transaction ({@code MANDATORY}), so that a change and its audit row
 * commit or roll back together: there is never a change without its row, nor a row for a change that
 * did not happen. Plain SQL: the JSON columns are {@code jsonb}, cast in the statement.
 */
@ApplicationScoped
public class AuditTrail {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Instance<SecurityIdentity> identity;
    private final Instance<AuditDetails> details;

    public AuditTrail(EntityManager em, ObjectMapper mapper, Instance<SecurityIdentity> identity,
                      Instance<AuditDetails> details) {
        this.em = em;
        this.mapper = mapper;
        this.identity = identity;
        this.details = details;
    }

    /** One change of {@link #recordAll}: what {@link #record} takes after the actor. */
    public record Change(String action, String unitCode, Integer year, String target, Object before, Object after) {
    }

    /**
     * Writes one row per change, all by one actor, in the current transaction as one JDBC batch (the
     * same rows as {@link #record} one by one).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Actor actor, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        String roles = String.join(",", actor.roles());
        List<String[]> json = new ArrayList<>(changes.size());
        for (Change c : changes) {
            json.add(new String[]{json(c.before()), json(c.after())});
        }
        em.unwrap(Session.class).doWork(conn -> {
            try (PreparedStatement st = conn.prepareStatement("INSERT INTO audit_entry (at, actor, roles, action, "
                    + "unit_code, year, target, before, after) VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, -1), "
                    + "NULLIF(?, ''), CAST(NULLIF(?, '') AS jsonb), CAST(NULLIF(?, '') AS jsonb))")) {
                for (int i = 0; i < changes.size(); i++) {
                    Change c = changes.get(i);
                    st.setObject(1, at);
                    st.setString(2, actor.name());
                    st.setString(3, roles);
                    st.setString(4, c.action());
                    st.setString(5, c.unitCode() == null ? "" : c.unitCode());
                    st.setInt(6, c.year() == null ? -1 : c.year());
                    st.setString(7, c.target() == null ? "" : c.target());
                    st.setString(8, json.get(i)[0]);
                    st.setString(9, json.get(i)[1]);
                    st.addBatch();
                }
                st.executeBatch();
            }
        });
    }

    /** JSON text stored as it is (not as a JSON string), for {@code before}/{@code after}; null stays null. */
    public static Object rawJson(String json) {
        return json == null ? null : new RawValue(json);
    }

    /** Records a change by the user of the current request; {@code before} is null when the thing did not exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String unitCode, Integer year, String target, Object before, Object after) {
        record(Actor.of(identity.get()), action, unitCode, year, target, before, after);
    }

    /**
     * Writes one row in the current transaction; {@code before} and {@code after} are serialised as JSON
     * (null stays NULL; see {@link #rawJson} for JSON text).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String action, String unitCode, Integer year, String target, Object before, Object after) {
        em.createNativeQuery("INSERT INTO audit_entry (at, actor, roles, action, unit_code, year, target, before, after) "
                        + "VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''), NULLIF(?6, -1), NULLIF(?7, ''), "
                        + "CAST(NULLIF(?8, '') AS jsonb), CAST(NULLIF(?9, '') AS jsonb))")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(2, actor.name())
                .setParameter(3, String.join(",", actor.roles()))
                .setParameter(4, action)
                // never bind a SQL null: its type would be unknown to the driver (bytea), so '' and -1 stand for NULL
                .setParameter(5, unitCode == null ? "" : unitCode)
                .setParameter(6, year == null ? -1 : year)
                .setParameter(7, target == null ? "" : target)
                .setParameter(8, json(before))
                .setParameter(9, json(after))
                .executeUpdate();
    }

    /** A page of entries matching the filters (each may be null), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public AuditEntry.Found list(String unitCode, Integer year, String actor, int page, int size) {
        // '' and -1 stand for "any": bound values are never null, so their SQL types stay known
        String where = " WHERE (?1 = '' OR unit_code = ?1) AND (?2 = -1 OR year = ?2) AND (?3 = '' OR actor = ?3)";
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
                    roles == null || roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), (String) r[4],
                    (String) r[5], r[6] == null ? null : ((Number) r[6]).intValue(), (String) r[7], tree((String) r[8]),
                    tree((String) r[9])));
        }
        for (AuditDetails d : details) {
            entries = d.complete(entries);
        }
        return new AuditEntry.Found(entries, total);
    }

    private static Query bind(Query q, String unitCode, Integer year, String actor) {
        return q.setParameter(1, unitCode == null ? "" : unitCode).setParameter(2, year == null ? -1 : year)
                .setParameter(3, actor == null ? "" : actor);
    }

    private static OffsetDateTime time(Object v) {
        return v instanceof OffsetDateTime o ? o.withOffsetSameInstant(ZoneOffset.UTC)
                : v instanceof Instant i ? i.atOffset(ZoneOffset.UTC)
                : v instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC)
                : null;
    }

    private String json(Object value) {
        if (value == null) {
            return "";
        }
        try {
            String json = mapper.writeValueAsString(value);
            return "null".equals(json) ? "" : json;
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
