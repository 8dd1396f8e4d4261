package cn.perfeval.scoring.service;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.SchemaVersions;
import cn.perfeval.events.measures.Measures;
import cn.perfeval.platform.kafka.ConsumerLoop;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.scoring.domain.BudgetSnapshot;
import cn.perfeval.scoring.domain.NotScored;
import cn.perfeval.scoring.domain.NotScored.Cause;
import cn.perfeval.scoring.events.BudgetEventConsumer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The unit-years not scored: when the consumer sets aside a budget event (it cannot be read, or its
 * processing failed every attempt), its unit-year is marked with the cause and a reason in Chinese,
 * which {@code GET …/score} shows; a valid event of that version or a newer one that is scored clears
 * the mark. The unit-year is named by the event when it was read, else by the record's key
 * ({@code unit:year}), else by the fields of the value that could be read. A mark for a version older
 * than the stored budget data is not made (that event was superseded anyway).
 *
 * <p>Metrics: {@code perfeval_unit_years_not_scored} (the unit-years marked now) and
 * {@code perfeval_unit_years_set_aside_total{cause}} (marks made, by cause).
 */
@Startup
@ApplicationScoped
public class NotScoredMarks {

    private static final Logger LOG = Logger.getLogger(NotScoredMarks.class);
    private static final Pattern UNIT = Pattern.compile(UnitCode.PATTERN);
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern OUT_OF_RANGE = Pattern.compile(Pattern.quote(BudgetEventConsumer.OUT_OF_RANGE)
            + "([A-Za-z0-9_]{1,64}) out of range");
    private static final ObjectMapper LENIENT = new ObjectMapper();
    static final long GAUGE_MAX_AGE_NANOS = 1_000_000_000L;
    static final String QUEUE = "已转入待处理队列";

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final Map<Cause, Counter> marked = new EnumMap<>(Cause.class);
    private volatile long count;
    private volatile long countedAt = Long.MIN_VALUE;

    public NotScoredMarks(EntityManager em, AgroalDataSource dataSource, MeterRegistry registry) {
        this.em = em;
        this.dataSource = dataSource;
        for (Cause c : Cause.values()) {
            marked.put(c, Counter.builder("perfeval.unit.years.set.aside")
                    .description("Unit-years marked not scored because a budget event of theirs was set aside, by cause")
                    .tag("cause", c.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        Gauge.builder("perfeval.unit.years.not.scored", this, NotScoredMarks::current)
                .description("Unit-years whose latest budget event was set aside and is not scored").register(registry);
    }

    /** Who a set-aside record was about: the unit-year and, when it could be read, the budget version. */
    public record Identity(String unitCode, int fiscalYear, Long budgetVersion) {
    }

    /** Why, for the API: the cause and a sentence in Chinese. */
    public record Reason(Cause cause, String text) {
    }

    /**
     * Marks the unit-year of a record set aside, in its own transaction, and counts it.
     *
     * @return the mark, empty when the record names no unit-year or an older version than the stored one
     */
    public Optional<NotScored> mark(ConsumerLoop.SetAside<BudgetUnitYearChanged> aside) {
        Optional<Identity> who = identify(aside);
        if (who.isEmpty()) {
            LOG.warnf("set-aside record names no unit-year (key %s): no unit-year marked", aside.key());
            return Optional.empty();
        }
        Identity id = who.get();
        Reason why = reason(aside);
        String source = aside.record().topic() + "-" + aside.record().partition() + "@" + aside.record().offset();
        Optional<NotScored> mark = QuarkusTransaction.requiringNew().call(() -> upsert(id, why, aside.attempts(), source));
        mark.ifPresent(m -> {
            marked.get(m.cause).increment();
            countedAt = Long.MIN_VALUE;
            LOG.warnf("unit-year %s:%d marked not scored: %s", id.unitCode(), id.fiscalYear(), m.reason);
        });
        return mark;
    }

    private Optional<NotScored> upsert(Identity id, Reason why, int attempts, String source) {
        BudgetSnapshot snapshot = em.find(BudgetSnapshot.class, new BudgetSnapshot.Key(id.unitCode(), id.fiscalYear()));
        if (id.budgetVersion() != null && snapshot != null && id.budgetVersion() <= snapshot.version) {
            LOG.infof("set-aside budget event %s:%d v%d is older than the stored v%d: no unit-year marked",
                    id.unitCode(), id.fiscalYear(), id.budgetVersion(), snapshot.version);
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now();
        em.createNativeQuery("INSERT INTO unit_year_not_scored (unit_code, fiscal_year, budget_version, cause, reason, "
                        + "attempts, source, since, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) "
                        + "ON CONFLICT (unit_code, fiscal_year) DO UPDATE SET "
                        + "budget_version = GREATEST(unit_year_not_scored.budget_version, EXCLUDED.budget_version), "
                        + "cause = EXCLUDED.cause, reason = EXCLUDED.reason, attempts = EXCLUDED.attempts, "
                        + "source = EXCLUDED.source, updated_at = EXCLUDED.updated_at")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter(1, id.unitCode()).setParameter(2, id.fiscalYear())
                .setParameter(3, id.budgetVersion(), Long.class) // typed, so that a null binds as a bigint
                .setParameter(4, why.cause().name()).setParameter(5, why.text()).setParameter(6, attempts)
                .setParameter(7, source.length() > 300 ? source.substring(0, 300) : source).setParameter(8, now)
                .executeUpdate();
        return Optional.ofNullable(em.find(NotScored.class, new BudgetSnapshot.Key(id.unitCode(), id.fiscalYear())));
    }

    /** A unit-year just scored from its budget event of {@code version}. */
    public record Scored(String unitCode, int fiscalYear, long version) {
    }

    /**
     * Clears the marks of the unit-years of a poll just scored, each where the version set aside is
     * not newer than the one scored; in the caller's transaction, one statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scored(List<Scored> scored) {
        if (scored.isEmpty()) {
            return;
        }
        int cleared = em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (java.sql.PreparedStatement st = c.prepareStatement("DELETE FROM unit_year_not_scored n "
                    + "USING unnest(?, ?, ?) AS k(u, y, v) WHERE n.unit_code = k.u AND n.fiscal_year = k.y "
                    + "AND (n.budget_version IS NULL OR n.budget_version <= k.v) RETURNING n.unit_code, n.fiscal_year, k.v")) {
                st.setArray(1, c.createArrayOf("varchar", scored.stream().map(Scored::unitCode).toArray()));
                st.setArray(2, c.createArrayOf("int4", scored.stream().map(Scored::fiscalYear).toArray()));
                st.setArray(3, c.createArrayOf("int8", scored.stream().map(Scored::version).toArray()));
                int n = 0;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        n++;
                        LOG.infof("unit-year %s:%d scored again (budget v%d): not-scored mark cleared", rs.getString(1),
                                rs.getInt(2), rs.getLong(3));
                    }
                }
                return n;
            }
        });
        if (cleared > 0) {
            countedAt = Long.MIN_VALUE;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NotScored> find(String unitCode, int year) {
        return Optional.ofNullable(em.find(NotScored.class, new BudgetSnapshot.Key(unitCode, year)));
    }

    /** The marks now, counted at most once a second (scrapes cost the database nothing more). */
    long current() {
        long now = System.nanoTime();
        if (countedAt != Long.MIN_VALUE && now - countedAt < GAUGE_MAX_AGE_NANOS) {
            return count;
        }
        synchronized (this) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM unit_year_not_scored")) {
                rs.next();
                count = rs.getLong(1);
                countedAt = now;
            } catch (SQLException e) {
                LOG.debugf("not-scored gauge not refreshed: %s", e.toString());
            }
            return count;
        }
    }

    /** The unit-year: of the event when it was read, else of the key "unit:year", else of the value's fields. */
    static Optional<Identity> identify(ConsumerLoop.SetAside<BudgetUnitYearChanged> aside) {
        BudgetUnitYearChanged e = aside.event();
        if (e != null && valid(e.unitCode(), Integer.toString(e.fiscalYear()))) {
            return Optional.of(new Identity(e.unitCode(), e.fiscalYear(), e.version() > 0 ? e.version() : null));
        }
        JsonNode value = tree(aside.value());
        Long version = value.path("version").canConvertToLong() && value.path("version").isIntegralNumber()
                && value.path("version").longValue() > 0 ? value.path("version").longValue() : null;
        String key = aside.key();
        if (key != null) {
            int colon = key.lastIndexOf(':');
            if (colon > 0 && valid(key.substring(0, colon), key.substring(colon + 1))) {
                return Optional.of(new Identity(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1)),
                        version));
            }
        }
        JsonNode unit = value.path("unitCode");
        JsonNode year = value.path("fiscalYear");
        if (unit.isTextual() && year.isIntegralNumber() && valid(unit.asText(), year.asText())) {
            return Optional.of(new Identity(unit.asText(), year.intValue(), version));
        }
        return Optional.empty();
    }

    private static boolean valid(String unit, String year) {
        if (unit == null || !UNIT.matcher(unit).matches() || year == null || !YEAR.matcher(year).matches()) {
            return false;
        }
        int y = Integer.parseInt(year);
        return y >= 2000 && y <= 2100;
    }

    /** The value as a JSON tree, read leniently; a missing node when it is not JSON. */
    private static JsonNode tree(String value) {
        if (value == null) {
            return LENIENT.missingNode();
        }
        try {
            JsonNode t = LENIENT.readTree(value);
            return t == null ? LENIENT.missingNode() : t;
        } catch (JsonProcessingException | RuntimeException e) {
            return LENIENT.missingNode();
        }
    }

    /**
     * The cause and the Chinese sentence: from the reason the event codec gave ({@code undecodable:},
     * {@code invalid: schemaVersion N not supported…}, other {@code invalid:}) for a record that
     * could not be read, from the failure for one whose processing failed.
     */
    static Reason reason(ConsumerLoop.SetAside<BudgetUnitYearChanged> aside) {
        if (!aside.poison()) {
            return new Reason(Cause.PROCESSING_FAILED,
                    "计分失败 " + aside.attempts() + " 次：" + failure(aside.failure()) + "，" + QUEUE);
        }
        String r = aside.reason() == null ? "" : aside.reason();
        if (r.startsWith("undecodable")) {
            return new Reason(Cause.UNREADABLE, "预算数据无法读取（事件格式错误），" + QUEUE);
        }
        if (r.startsWith("invalid: schemaVersion") && r.contains("not supported")) {
            JsonNode v = tree(aside.value()).path("schemaVersion");
            String supported = SchemaVersions.SUPPORTED.stream().map(String::valueOf).collect(Collectors.joining("、"));
            return new Reason(Cause.UNSUPPORTED_VERSION, (v.isIntegralNumber()
                    ? "预算数据的格式为第 " + v.asText() + " 版，本服务只能读取第 " + supported + " 版"
                    : "预算数据的格式版本本服务不能读取（只能读取第 " + supported + " 版）") + "，" + QUEUE);
        }
        Matcher outOfRange = OUT_OF_RANGE.matcher(r);
        if (outOfRange.lookingAt()) {
            String name = outOfRange.group(1);
            return new Reason(Cause.INVALID, "预算数据中"
                    + (Measures.isMeasure(name) ? "“" + Measures.label(name) + "”" : "有一项度量")
                    + "的数值超出范围（绝对值应小于 10 的 15 次方，小数不超过 20 位），无法计分，" + QUEUE);
        }
        if (r.startsWith(BudgetEventConsumer.TARGET_OUT_OF_RANGE)) {
            return new Reason(Cause.INVALID, "预算数据中绩效目标的数值（目标值、权重、完成值或完成比例）超出范围"
                    + "（绝对值应小于 10 的 15 次方，小数不超过 20 位），无法计分，" + QUEUE);
        }
        if (r.startsWith("invalid: type must be")) {
            return new Reason(Cause.INVALID, "收到的记录不是预算数据变更事件，无法计分，" + QUEUE);
        }
        return new Reason(Cause.INVALID,
                "预算数据不完整或不合规（缺少单位、年度、版本号或度量等计分所需的内容），" + QUEUE);
    }

    /** What went wrong in processing, in the reader's words (never the technical message). */
    static String failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("22001")) {
                    return "某项文字超出可保存的长度（如单位名称或所属县名称过长），数据无法保存";
                }
                if (state.equals("22003")) {
                    return "某个数值超出可保存的范围，数据无法保存";
                }
                if (state.startsWith("22")) {
                    return "某项数据的格式不能保存";
                }
                if (state.startsWith("23")) {
                    return "数据违反了保存规则（如重复或缺少必填内容），无法保存";
                }
            }
            if (t instanceof JsonProcessingException) {
                return "某个数值过大或过小，计分结果无法保存";
            }
            if (t instanceof ArithmeticException) {
                return "计算中出现无法处理的数值";
            }
        }
        return "处理时出现内部错误（详情见待处理队列中的记录）";
    }
}
