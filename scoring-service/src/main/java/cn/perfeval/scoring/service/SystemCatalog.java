package cn.perfeval.scoring.service;

import cn.perfeval.events.measures.Measures;
import cn.perfeval.platform.audit.AuditTrail;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.scoring.config.ScoringConfig;
import cn.perfeval.scoring.domain.Assignment;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.StoredSystem;
import cn.perfeval.scoring.domain.SystemValidator;
import cn.perfeval.platform.audit.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Indicator systems as data: every version of every system in the database, never changed once
 * stored. The shipped systems (JSON under {@code systems/}) are seeded at start-up, idempotently.
 */
@ApplicationScoped
public class SystemCatalog {

    private static final Logger LOG = Logger.getLogger(SystemCatalog.class);
    static final List<String> SHIPPED = List.of("xiangtan-county", "national-common", "self-evaluation-2020");

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final ObjectMapper lenient;
    private final ScoringConfig config;
    /** Stored versions never change, so their parsed form can be kept. */
    private final Map<StoredSystem.Key, IndicatorSystem> parsed = new ConcurrentHashMap<>();

    private final AuditTrail audit;

    public SystemCatalog(EntityManager em, ObjectMapper mapper, ScoringConfig config, AuditTrail audit) {
        this.audit = audit;
        this.em = em;
        this.mapper = mapper;
        this.lenient = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.config = config;
    }

    /**
     * Earlier versions of shipped systems, under {@code systems/earlier/<code>.v<N>.json}: seeded before
     * the current one, so that every database holds the same numbered versions whether it was created
     * before or after the current version shipped (an assignment to an earlier version keeps meaning
     * the same system).
     */
    static final Map<String, List<Integer>> EARLIER = Map.of("self-evaluation-2020", List.of(1));

    /** Runs before the consumer starts, so that a budget event always finds its system. */
    void seed(@Observes @Priority(1) StartupEvent ev) {
        for (String code : SHIPPED) {
            for (int v : EARLIER.getOrDefault(code, List.of())) {
                seedVersion(shipped("systems/earlier/" + code + ".v" + v + ".json"));
            }
            seedVersion(shipped("systems/" + code + ".json"));
        }
    }

    /**
     * Stores a shipped system version unless it is stored already; idempotent. Should an
     * administrator's version (added through the API) hold its number, the shipped one is stored as
     * the next version instead, once.
     *
     * @return the version number it is stored under
     */
    public int seedVersion(IndicatorSystem s) {
        List<SystemValidator.Violation> problems = SystemValidator.validate(s, Measures.names());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("shipped indicator system " + s.code() + " is invalid: " + problems);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "system:" + s.code())
                    .getSingleResult();
            if (insertShipped(s) == 1) {
                LOG.infof("seeded indicator system %s v%d", s.code(), s.version());
                return s.version();
            }
            StoredSystem taken = em.find(StoredSystem.class, new StoredSystem.Key(s.code(), s.version()));
            if (taken.shipped) {
                return s.version();
            }
            for (StoredSystem other : storedVersions(s.code())) {
                if (other.shipped && other.document.equals(write(s.withVersion(other.key.version())))) {
                    return other.key.version();
                }
            }
            int next = latestVersion(s.code()).orElse(0) + 1;
            insertShipped(s.withVersion(next));
            LOG.warnf("indicator system %s v%d is an administrator's version: shipped v%d stored as v%d",
                    s.code(), s.version(), s.version(), next);
            return next;
        });
    }

    private int insertShipped(IndicatorSystem s) {
        return em.createNativeQuery("INSERT INTO indicator_system (code, version, name, document, shipped) "
                        + "VALUES (?1, ?2, ?3, ?4, true) ON CONFLICT DO NOTHING")
                .setParameter(1, s.code()).setParameter(2, s.version()).setParameter(3, s.name())
                .setParameter(4, write(s)).executeUpdate();
    }

    private IndicatorSystem shipped(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing shipped indicator system " + path);
            }
            return lenient.readValue(in, IndicatorSystem.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The latest version of every system. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IndicatorSystem> all() {
        return em.createNativeQuery("SELECT DISTINCT ON (code) code, version FROM indicator_system ORDER BY code, version DESC")
                .getResultList().stream()
                .map(row -> {
                    Object[] r = (Object[]) row;
                    return find((String) r[0], ((Number) r[1]).intValue()).orElseThrow();
                }).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IndicatorSystem> find(String code) {
        return latestVersion(code).flatMap(v -> find(code, v));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IndicatorSystem> find(String code, int version) {
        StoredSystem.Key key = new StoredSystem.Key(code, version);
        IndicatorSystem cached = parsed.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        StoredSystem row = em.find(StoredSystem.class, key);
        if (row == null) {
            return Optional.empty();
        }
        IndicatorSystem s = read(row.document);
        parsed.put(key, s);
        return Optional.of(s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integer> versions(String code) {
        return em.createQuery("select s.key.version from StoredSystem s where s.key.code = ?1 order by s.key.version", Integer.class)
                .setParameter(1, code).getResultList();
    }

    /** The stored versions of a system, oldest first, without their documents. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StoredSystem> storedVersions(String code) {
        return em.createQuery("select s from StoredSystem s where s.key.code = ?1 order by s.key.version", StoredSystem.class)
                .setParameter(1, code).getResultList();
    }

    private Optional<Integer> latestVersion(String code) {
        Integer v = em.createQuery("select max(s.key.version) from StoredSystem s where s.key.code = ?1", Integer.class)
                .setParameter(1, code).getSingleResult();
        return Optional.ofNullable(v);
    }

    /**
     * Stores a new system as version 1; 409 when a system of the code exists, also when another request
     * creates it at the same moment (both wait on one lock, and the insert itself skips an existing key).
     */
    @Transactional
    public IndicatorSystem create(Actor actor, IndicatorSystem s) {
        validate(s);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "system:" + s.code()).getSingleResult();
        if (latestVersion(s.code()).isPresent()) {
            throw exists(s.code());
        }
        IndicatorSystem stored = store(s.withVersion(1), false);
        audit.record(actor, AuditActions.SYSTEM_CREATED, null, null, "system:" + stored.code() + "/v1", null, stored);
        return stored;
    }

    /** Stores the next version of an existing system; earlier versions stay as they were. */
    @Transactional
    public IndicatorSystem addVersion(Actor actor, String code, IndicatorSystem s) {
        if (s.code() != null && !s.code().equals(code)) {
            throw ApiException.invalid("code", "应为路径中的指标体系代码 " + code + "，或省略", s.code());
        }
        IndicatorSystem withCode = new IndicatorSystem(code, 0, s.name(), s.description(), s.gradeBands(), s.groups());
        validate(withCode);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "system:" + code).getSingleResult();
        int latest = latestVersion(code).orElseThrow(() -> ApiException.notFound("没有代码为 " + code + " 的指标体系"));
        IndicatorSystem stored = store(withCode.withVersion(latest + 1), false);
        audit.record(actor, AuditActions.SYSTEM_VERSION_ADDED, null, null, "system:" + code + "/v" + stored.version(),
                find(code, latest).orElse(null), stored);
        return stored;
    }

    private static ApiException exists(String code) {
        return ApiException.conflict("指标体系 " + code + " 已存在；新增版本请用 POST /api/v1/systems/" + code + "/versions");
    }

    /** Inserts a version; one stored meanwhile under the same code and number is a conflict, never a database error. */
    private IndicatorSystem store(IndicatorSystem s, boolean shipped) {
        int inserted = em.createNativeQuery("INSERT INTO indicator_system (code, version, name, document, shipped, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING")
                .setParameter(1, s.code()).setParameter(2, s.version()).setParameter(3, s.name())
                .setParameter(4, write(s)).setParameter(5, shipped).setParameter(6, OffsetDateTime.now())
                .executeUpdate();
        if (inserted == 0) {
            throw exists(s.code());
        }
        return s;
    }

    private void validate(IndicatorSystem s) {
        List<ProblemDetail.FieldError> errors = SystemValidator.validate(s, Measures.names()).stream()
                .map(v -> new ProblemDetail.FieldError(v.field(), v.message(), v.rejected())).toList();
        if (!errors.isEmpty()) {
            throw ApiException.invalid("指标体系有误：" + errors.get(0).field() + "：" + errors.get(0).message()
                    + (errors.size() > 1 ? "（另有 " + (errors.size() - 1) + " 处）" : ""), errors);
        }
    }

    /** The system version a unit-year of a county is scored with: the assigned one, else the configured default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorSystem systemFor(String county, int fiscalYear) {
        if (county != null) {
            Assignment a = em.find(Assignment.class, new Assignment.Key(county, fiscalYear));
            if (a != null) {
                return find(a.systemCode, a.systemVersion).orElseThrow();
            }
        }
        return defaultSystem();
    }

    /** The code of the default system, from the configuration alone (no query). */
    public String defaultSystemCode() {
        return config.defaultSystem();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorSystem defaultSystem() {
        return find(config.defaultSystem())
                .orElseThrow(() -> new IllegalStateException("default indicator system " + config.defaultSystem() + " not found"));
    }

    /** The version of system {@code code} for a unit-year: the assigned one when it is that system, else the latest. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IndicatorSystem> versionFor(String code, String county, int fiscalYear) {
        IndicatorSystem assigned = county == null ? null : systemFor(county, fiscalYear);
        if (assigned != null && assigned.code().equals(code)) {
            return Optional.of(assigned);
        }
        return find(code);
    }

    private IndicatorSystem read(String json) {
        try {
            return mapper.readValue(json, IndicatorSystem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored indicator system unreadable", e);
        }
    }

    private String write(IndicatorSystem s) {
        try {
            return mapper.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable", e);
        }
    }
}
