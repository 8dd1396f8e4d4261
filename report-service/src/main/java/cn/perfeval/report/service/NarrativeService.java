package cn.perfeval.report.service;

import cn.perfeval.platform.audit.AuditTrail;
import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.audit.Actor;
import cn.perfeval.report.domain.Narrative;
import cn.perfeval.report.domain.NarrativeVersion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Stores the narrative of each unit-year; every save is a new version, older ones stay readable. */
@ApplicationScoped
public class NarrativeService {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ReadModel readModel;
    private final AuditTrail audit;

    public NarrativeService(EntityManager em, ObjectMapper mapper, ReadModel readModel, AuditTrail audit) {
        this.em = em;
        this.mapper = mapper;
        this.readModel = readModel;
        this.audit = audit;
    }

    /**
     * Saves a new version and its audit row (before = the previous version's sections, after = the
     * new ones) in one transaction.
     *
     * @param actor who saves, for the audit trail
     * @param expectedVersion the version the editor started from (If-Match): required (428) once a version
     *                        exists, refused (412) when another was saved since; null only for the first save
     */
    @Transactional
    public NarrativeVersion save(String unitCode, int year, Narrative narrative, Long expectedVersion, Actor actor) {
        // One writer per unit-year at a time, so that versions are 1, 2, 3, … without gaps or clashes.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "narrative:" + unitCode + ":" + year).getSingleResult();
        long current = ((Number) em.createNativeQuery(
                        "SELECT COALESCE(MAX(version), 0) FROM narrative_version WHERE unit_code = ?1 AND fiscal_year = ?2")
                .setParameter(1, unitCode).setParameter(2, year).getSingleResult()).longValue();
        // docs/api.md, the rule for 428: once a narrative exists, a save names the version it replaces.
        String what = "单位" + unitCode + "在" + year + "年度的文字材料";
        Versions.requireMatch(expectedVersion, current > 0, current, what);
        long version = current + 1;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String content = write(narrative);
        em.createNativeQuery("INSERT INTO narrative_version (unit_code, fiscal_year, version, content, saved_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, version)
                .setParameter(4, content).setParameter(5, now)
                .executeUpdate();
        String before = current == 0 ? null : (String) em.createNativeQuery("SELECT content FROM narrative_version "
                        + "WHERE unit_code = ?1 AND fiscal_year = ?2 AND version = ?3", String.class)
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, current).getSingleResult();
        audit.record(actor, "narrative.save", unitCode, year, "narrative v" + version, AuditTrail.rawJson(before), AuditTrail.rawJson(content));
        return new NarrativeVersion(unitCode, year, version, now, narrative);
    }

    /** The newest version, or the skeleton (version 0) when nothing was saved yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NarrativeVersion current(String unitCode, int year) {
        return latest(unitCode, year).orElseGet(() -> new NarrativeVersion(unitCode, year, 0, null,
                Narrative.skeleton(readModel.unitName(unitCode, year).orElse(null), year)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NarrativeVersion> latest(String unitCode, int year) {
        List<?> rows = em.createNativeQuery("SELECT version, saved_at, content FROM narrative_version "
                        + "WHERE unit_code = ?1 AND fiscal_year = ?2 ORDER BY version DESC LIMIT 1")
                .setParameter(1, unitCode).setParameter(2, year).getResultList();
        return rows.stream().findFirst().map(r -> toVersion(unitCode, year, (Object[]) r));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NarrativeVersion> version(String unitCode, int year, long version) {
        List<?> rows = em.createNativeQuery("SELECT version, saved_at, content FROM narrative_version "
                        + "WHERE unit_code = ?1 AND fiscal_year = ?2 AND version = ?3")
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, version).getResultList();
        return rows.stream().findFirst().map(r -> toVersion(unitCode, year, (Object[]) r));
    }

    /** Every saved version, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NarrativeVersion> history(String unitCode, int year) {
        List<?> rows = em.createNativeQuery("SELECT version, saved_at, content FROM narrative_version "
                        + "WHERE unit_code = ?1 AND fiscal_year = ?2 ORDER BY version")
                .setParameter(1, unitCode).setParameter(2, year).getResultList();
        return rows.stream().map(r -> toVersion(unitCode, year, (Object[]) r)).toList();
    }

    private NarrativeVersion toVersion(String unitCode, int year, Object[] row) {
        Object savedAt = row[1];
        OffsetDateTime at = savedAt instanceof OffsetDateTime o ? o
                : savedAt instanceof java.time.Instant i ? i.atOffset(ZoneOffset.UTC)
                : savedAt instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC)
                : null;
        try {
            return new NarrativeVersion(unitCode, year, ((Number) row[0]).longValue(), at,
                    mapper.readValue((String) row[2], Narrative.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored narrative unreadable", e);
        }
    }

    private String write(Narrative n) {
        try {
            return mapper.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
