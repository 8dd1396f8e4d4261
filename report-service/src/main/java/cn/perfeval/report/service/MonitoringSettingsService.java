package cn.perfeval.report.service;

import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.audit.Actor;
import cn.perfeval.platform.audit.AuditTrail;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.report.domain.MonitoringSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The monitoring settings of each county-year: one row, replaced whole, every save audited. */
@ApplicationScoped
public class MonitoringSettingsService {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final AuditTrail audit;

    public MonitoringSettingsService(EntityManager em, ObjectMapper mapper, AuditTrail audit) {
        this.em = em;
        this.mapper = mapper;
        this.audit = audit;
    }

    /** The settings of the county-year, or the defaults (version 0) when none are saved. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MonitoringSettings.View current(String county, int year) {
        List<?> rows = em.createNativeQuery("SELECT version, execution_gap_threshold, target_gap_threshold, schedule, "
                        + "updated_at, updated_by FROM monitoring_settings WHERE county = ?1 AND fiscal_year = ?2")
                .setParameter(1, county).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            MonitoringSettings d = MonitoringSettings.defaults();
            return new MonitoringSettings.View(county, year, d.executionGapThreshold(), d.targetGapThreshold(), null,
                    0, true, null, null);
        }
        Object[] r = (Object[]) rows.get(0);
        return new MonitoringSettings.View(county, year, points((BigDecimal) r[1]), points((BigDecimal) r[2]),
                r[3] == null ? null : readSchedule((String) r[3]), ((Number) r[0]).longValue(), false, time(r[4]), (String) r[5]);
    }

    /**
     * Replaces the settings (428 without If-Match once they exist, 412 when stale), with an audit row in the
     * same transaction.
     */
    @Transactional
    public MonitoringSettings.View save(String county, int year, MonitoringSettings settings, Long expectedVersion, Actor actor) {
        validate(settings);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "monitoring-settings:" + county + ":" + year).getSingleResult();
        MonitoringSettings.View before = current(county, year);
        String what = county + year + "年度的绩效运行监控设置";
        Versions.requireMatch(expectedVersion, !before.defaulted(), before.version(), what);
        long version = before.version() + 1;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String schedule = settings.schedule() == null ? null : write(settings.schedule());
        em.createNativeQuery("""
                        INSERT INTO monitoring_settings (county, fiscal_year, version, execution_gap_threshold,
                                                         target_gap_threshold, schedule, updated_at, updated_by)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (county, fiscal_year) DO UPDATE
                           SET version = EXCLUDED.version, execution_gap_threshold = EXCLUDED.execution_gap_threshold,
                               target_gap_threshold = EXCLUDED.target_gap_threshold, schedule = EXCLUDED.schedule,
                               updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
                .setParameter(1, county).setParameter(2, year).setParameter(3, version)
                .setParameter(4, settings.executionGapThreshold()).setParameter(5, settings.targetGapThreshold())
                .setParameter(6, schedule).setParameter(7, now).setParameter(8, actor.name())
                .executeUpdate();
        MonitoringSettings.View after = new MonitoringSettings.View(county, year, points(settings.executionGapThreshold()),
                points(settings.targetGapThreshold()), settings.schedule() == null ? null
                : settings.schedule().stream().map(MonitoringSettingsService::points).toList(), version, false, now, actor.name());
        audit.record(actor, "monitoring-settings.save", null, year, "monitoring-settings:" + county,
                before.defaulted() ? null : auditJson(before), auditJson(after));
        return after;
    }

    /**
     * The rules Bean Validation cannot say: two decimal places at most, and a schedule of 12 cumulative
     * percentages that never decrease and end at 100. Each refusal names its field.
     */
    static void validate(MonitoringSettings s) {
        scale("executionGapThreshold", s.executionGapThreshold());
        scale("targetGapThreshold", s.targetGapThreshold());
        List<BigDecimal> schedule = s.schedule();
        if (schedule == null) {
            return;
        }
        if (schedule.size() != 12) {
            throw ApiException.invalid("schedule", "分月序时进度须为12个数（1至12月末的累计进度，%），实为" + schedule.size() + "个",
                    Integer.toString(schedule.size()));
        }
        for (int i = 0; i < 12; i++) {
            scale("schedule[" + i + "]", schedule.get(i));
            if (i > 0 && schedule.get(i).compareTo(schedule.get(i - 1)) < 0) {
                throw ApiException.invalid("schedule[" + i + "]", (i + 1) + "月的序时进度（" + schedule.get(i).toPlainString()
                        + "%）小于" + i + "月的（" + schedule.get(i - 1).toPlainString() + "%）：累计进度应逐月不减",
                        schedule.get(i).toPlainString());
            }
        }
        if (schedule.get(11).compareTo(HUNDRED) != 0) {
            throw ApiException.invalid("schedule[11]", "12月末的序时进度应为100%，实为" + schedule.get(11).toPlainString() + "%",
                    schedule.get(11).toPlainString());
        }
    }

    private static void scale(String field, BigDecimal v) {
        if (v != null && v.stripTrailingZeros().scale() > 2) {
            throw ApiException.invalid(field, "百分点至多保留两位小数", v.toPlainString());
        }
    }

    private static BigDecimal points(BigDecimal v) {
        return v == null ? null : v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros().scale() < 0
                ? v.setScale(0) : v.stripTrailingZeros();
    }

    private static OffsetDateTime time(Object t) {
        return t instanceof OffsetDateTime o ? o
                : t instanceof java.time.Instant i ? i.atOffset(ZoneOffset.UTC)
                : t instanceof java.sql.Timestamp ts ? ts.toInstant().atOffset(ZoneOffset.UTC) : null;
    }

    private List<BigDecimal> readSchedule(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<BigDecimal>>() { }).stream()
                    .map(MonitoringSettingsService::points).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored schedule unreadable", e);
        }
    }

    private String write(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object auditJson(MonitoringSettings.View v) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("version", v.version());
        m.put("executionGapThreshold", v.executionGapThreshold());
        m.put("targetGapThreshold", v.targetGapThreshold());
        m.put("schedule", v.schedule());
        return AuditTrail.rawJson(write(m));
    }
}
