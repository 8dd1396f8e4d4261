package cn.perfeval.report.season;

import cn.perfeval.events.TaskStateChanged;
import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.audit.Actor;
import cn.perfeval.platform.audit.AuditTrail;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The seasons of the counties and their tasks (docs/season.md): opening a season creates a task for every unit
 * concerned; each transition is checked (role, If-Match, state, and on submit the submission rules), recorded in
 * task_transition and the audit trail, and published as a {@link TaskStateChanged} through the outbox, all in one
 * transaction. A submit freezes what was filed ({@link SubmissionService#freeze}).
 */
@ApplicationScoped
public class SeasonService {

    /** A task with its season's settings. */
    record TaskRow(long id, long seasonId, String county, String systemCode, LocalDate deadline, String unitCode,
                   int year, String unitName, TaskState state, long version, int submissions) {
    }

    private static final String TASK_SELECT = """
            SELECT t.id, t.season_id, s.county, s.system_code, s.deadline, t.unit_code, t.fiscal_year,
                   COALESCE(CAST(b.payload AS jsonb) -> 'unit' ->> 'name', t.unit_name), t.state, t.version, t.submissions
              FROM season_task t JOIN season s ON s.id = t.season_id
              LEFT JOIN budget_view b ON b.unit_code = t.unit_code AND b.fiscal_year = t.fiscal_year
            """;

    private final EntityManager em;
    private final Clock clock;
    private final SeasonCalendar calendar;
    private final AuditTrail audit;
    private final TaskEventWriter events;
    private final SubmissionService submissions;

    public SeasonService(EntityManager em, Clock clock, SeasonCalendar calendar, AuditTrail audit, TaskEventWriter events,
                         SubmissionService submissions) {
        this.em = em;
        this.clock = clock;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.submissions = submissions;
    }

    /** Today in Asia/Shanghai, the day the deadlines are counted in. */
    public LocalDate today() {
        return calendar.today();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Opens the season of a county-year with a task (NOT_STARTED, version 1) for each unit, one CREATED event per
     * task. 409 when the county-year has a season or a unit already has a task that year.
     */
    @Transactional
    public SeasonView create(String county, int year, SeasonRequest request, Actor actor) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "season:" + county + ":" + year).getSingleResult();
        if (seasonId(county, year).isPresent()) {
            throw ApiException.conflict(county + year + "年度的自评季已经开启，不能重复开启");
        }
        List<String> units = request.unitCodes() != null ? List.copyOf(new TreeSet<>(request.unitCodes()))
                : strings(em.createNativeQuery("SELECT unit_code FROM budget_view WHERE county = ?1 AND fiscal_year = ?2 "
                + "ORDER BY unit_code", String.class).setParameter(1, county).setParameter(2, year).getResultList());
        if (units.isEmpty()) {
            throw ApiException.invalid("unitCodes", "本服务尚未收到" + county + year
                    + "年度任何单位的预算数据，须在 unitCodes 中列出参加自评的单位", null);
        }
        List<String> taken = strings(em.createNativeQuery("SELECT unit_code FROM season_task WHERE fiscal_year = ?1 "
                        + "AND unit_code = ANY(CAST(?2 AS varchar[])) ORDER BY unit_code", String.class)
                .setParameter(1, year).setParameter(2, "{" + String.join(",", units) + "}").getResultList());
        if (!taken.isEmpty()) {
            throw ApiException.conflict("以下单位在" + year + "年度已有自评任务（属于其他自评季）：" + String.join("、", taken));
        }
        OffsetDateTime now = now();
        long seasonId = ((Number) em.createNativeQuery("""
                        INSERT INTO season (county, fiscal_year, system_code, deadline, deviation_threshold, version,
                                            created_by, created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?7) RETURNING id""")
                .setParameter(1, county).setParameter(2, year).setParameter(3, request.systemCode())
                .setParameter(4, Date.valueOf(request.deadline())).setParameter(5, request.deviationThreshold())
                .setParameter(6, actor.name()).setParameter(7, now).getSingleResult()).longValue();
        for (String unit : units) {
            String name = (String) em.createNativeQuery("SELECT CAST(payload AS jsonb) -> 'unit' ->> 'name' FROM budget_view "
                            + "WHERE unit_code = ?1 AND fiscal_year = ?2", String.class)
                    .setParameter(1, unit).setParameter(2, year).getResultList().stream().findFirst().orElse(null);
            em.createNativeQuery("""
                            INSERT INTO season_task (season_id, unit_code, fiscal_year, unit_name, state, version, submissions, updated_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, 1, 0, ?6)""")
                    .setParameter(1, seasonId).setParameter(2, unit).setParameter(3, year).setParameter(4, name)
                    .setParameter(5, TaskState.NOT_STARTED.name()).setParameter(6, now).executeUpdate();
            events.changed(seasonId, county, year, unit, name, TaskStateChanged.CREATED, null, TaskState.NOT_STARTED,
                    actor.name(), Caller.ADMIN, null, null, request.deadline(), 1, now);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("systemCode", request.systemCode());
        after.put("deadline", request.deadline().toString());
        after.put("deviationThreshold", request.deviationThreshold());
        after.put("unitCodes", units);
        audit.record(actor, "season.create", null, year, "season:" + county, null, after);
        return view(county, year).orElseThrow();
    }

    /**
     * Changes the deadline and the deviation threshold of a county-year's season: 404 without a season, 428 without
     * If-Match, 412 when it names another version. The new deadline counts at once for the overdue days (tasks,
     * counts, overview) and the threshold for the 自评质量 flags; submissions stay as filed. One audit entry.
     */
    @Transactional
    public SeasonView changeSettings(String county, int year, SeasonSettings settings, Long ifMatch, Actor actor) {
        List<?> rows = em.createNativeQuery("SELECT id, deadline, deviation_threshold, version FROM season "
                        + "WHERE county = ?1 AND fiscal_year = ?2 FOR UPDATE")
                .setParameter(1, county).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            throw SeasonResource.noSeason(county, year);
        }
        Object[] r = (Object[]) rows.get(0);
        long version = ((Number) r[3]).longValue();
        Versions.requireMatch(ifMatch, true, version, county + year + "年度的自评季设置");
        em.createNativeQuery("UPDATE season SET deadline = ?1, deviation_threshold = ?2, version = ?3, updated_at = ?4 "
                        + "WHERE id = ?5")
                .setParameter(1, Date.valueOf(settings.deadline())).setParameter(2, settings.deviationThreshold())
                .setParameter(3, version + 1).setParameter(4, now()).setParameter(5, ((Number) r[0]).longValue())
                .executeUpdate();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("version", version);
        before.put("deadline", date(r[1]).toString());
        before.put("deviationThreshold", points((BigDecimal) r[2]));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", version + 1);
        after.put("deadline", settings.deadline().toString());
        after.put("deviationThreshold", points(settings.deviationThreshold()));
        audit.record(actor, "season.update", null, year, "season:" + county, before, after);
        return view(county, year).orElseThrow();
    }

    /** The season of a county-year with the number of tasks in each state. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SeasonView> view(String county, int year) {
        List<?> rows = em.createNativeQuery("SELECT id, system_code, deadline, deviation_threshold, version, created_by, "
                        + "created_at FROM season WHERE county = ?1 AND fiscal_year = ?2")
                .setParameter(1, county).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        long id = ((Number) r[0]).longValue();
        LocalDate deadline = date(r[2]);
        Map<TaskState, Integer> counts = new EnumMap<>(TaskState.class);
        for (Object o : em.createNativeQuery("SELECT state, COUNT(*) FROM season_task WHERE season_id = ?1 GROUP BY state")
                .setParameter(1, id).getResultList()) {
            Object[] c = (Object[]) o;
            counts.put(TaskState.valueOf((String) c[0]), ((Number) c[1]).intValue());
        }
        LocalDate today = today();
        int overdue = 0;
        int units = 0;
        List<SeasonView.StateCount> states = new ArrayList<>();
        for (TaskState s : TaskState.values()) {
            int n = counts.getOrDefault(s, 0);
            units += n;
            if (s.daysOverdue(deadline, today) > 0) {
                overdue += n;
            }
            states.add(new SeasonView.StateCount(s.name(), s.label(), n));
        }
        return Optional.of(new SeasonView(id, county, year, (String) r[1], deadline, points((BigDecimal) r[3]),
                ((Number) r[4]).longValue(), (String) r[5], time(r[6]), units, overdue, states));
    }

    /** The tasks of a county-year's season by unit code, filtered by state and overdue when given; empty without a season. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TaskView> tasks(String county, int year, TaskState state, Boolean overdue, SeasonAccess access) {
        List<TaskView> out = new ArrayList<>();
        for (Object o : em.createNativeQuery(TASK_SELECT + " WHERE s.county = ?1 AND s.fiscal_year = ?2 "
                        + "AND (?3 = '' OR t.state = ?3) ORDER BY t.unit_code")
                .setParameter(1, county).setParameter(2, year).setParameter(3, state == null ? "" : state.name())
                .getResultList()) {
            TaskView v = view(row((Object[]) o), access);
            if (overdue == null || v.overdue() == overdue) {
                out.add(v);
            }
        }
        return out;
    }

    /** The task of a unit-year as this caller sees it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaskView> task(String unitCode, int year, SeasonAccess access) {
        return taskRow(unitCode, year, false).map(t -> view(t, access));
    }

    /**
     * One transition: 404 without a task, 403 when this caller may not take the action, 400 for a return without
     * comment, 428 without If-Match, 412 when it names another version, 409 when the state does not allow the
     * action, and on submit 409 listing what the submission rules refuse. Nothing is changed when refused.
     */
    @Transactional
    public TaskView transition(String unitCode, int year, TaskTransitionRequest request, Long ifMatch,
                               SeasonAccess access, Actor actor) {
        TaskAction action = request.action();
        TaskRow t = taskRow(unitCode, year, true).orElseThrow(() -> noTask(unitCode, year));
        access.requireMay(action, unitCode, t.county());
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (action == TaskAction.RETURN && comment == null) {
            throw ApiException.invalid("comment", "退回时须写明退回意见（退回的理由和要求修改之处）", request.comment());
        }
        if (ifMatch == null) {
            throw ApiException.preconditionRequired("改变单位" + unitCode + "在" + year
                    + "年度自评任务的状态须在 If-Match 中给出读到的任务版本（ETag），以免与他人的操作冲突");
        }
        if (ifMatch != t.version()) {
            throw ApiException.preconditionFailed("单位" + unitCode + "在" + year + "年度的自评任务已变化：If-Match 为版本 "
                    + ifMatch + "，当前版本为 " + t.version() + "；请重新读取后再操作");
        }
        if (!action.from().contains(t.state())) {
            List<String> possible = Arrays.stream(TaskAction.values()).filter(a -> a.from().contains(t.state()))
                    .map(a -> "“" + a.label() + "”").toList();
            throw ApiException.conflict("任务当前为“" + t.state().label() + "”，不能“" + action.label() + "”；此状态下可做的操作："
                    + (possible.isEmpty() ? "无" : String.join("、", possible)));
        }
        OffsetDateTime now = now();
        Integer number = action == TaskAction.SUBMIT
                ? submissions.freeze(t.id(), unitCode, year, t.systemCode(), actor.name(), now) : null;
        TaskState to = action.to();
        long version = t.version() + 1;
        em.createNativeQuery("UPDATE season_task SET state = ?1, version = ?2, submissions = ?3, updated_at = ?4, "
                        + "unit_name = COALESCE(?5, unit_name) WHERE id = ?6")
                .setParameter(1, to.name()).setParameter(2, version)
                .setParameter(3, number == null ? t.submissions() : number).setParameter(4, now)
                .setParameter(5, t.unitName()).setParameter(6, t.id()).executeUpdate();
        String role = access.role(action);
        em.createNativeQuery("""
                        INSERT INTO task_transition (task_id, action, from_state, to_state, actor, actor_role, comment,
                                                     submission_number, at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS INTEGER), ?9)""")
                .setParameter(1, t.id()).setParameter(2, action.name()).setParameter(3, t.state().name())
                .setParameter(4, to.name()).setParameter(5, actor.name()).setParameter(6, role)
                .setParameter(7, comment).setParameter(8, number).setParameter(9, now).executeUpdate();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("state", t.state().name());
        before.put("version", t.version());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("action", action.name());
        after.put("state", to.name());
        after.put("version", version);
        after.put("comment", comment);
        after.put("submissionNumber", number);
        audit.record(actor, "task." + action.name().toLowerCase(java.util.Locale.ROOT), unitCode, year,
                "season_task:" + t.county(), before, after);
        events.changed(t.seasonId(), t.county(), year, unitCode, t.unitName(), action.name(), t.state(), to,
                actor.name(), role, comment, number, t.deadline(), version, now);
        return task(unitCode, year, access).orElseThrow();
    }

    static ApiException noTask(String unitCode, int year) {
        return ApiException.notFound("单位" + unitCode + "在" + year + "年度没有自评任务（所属县尚未开启该年度的自评季，或未列入）");
    }

    private Optional<TaskRow> taskRow(String unitCode, int year, boolean forUpdate) {
        List<?> rows = em.createNativeQuery(TASK_SELECT + " WHERE t.unit_code = ?1 AND t.fiscal_year = ?2"
                        + (forUpdate ? " FOR UPDATE OF t" : ""))
                .setParameter(1, unitCode).setParameter(2, year).getResultList();
        return rows.stream().findFirst().map(r -> row((Object[]) r));
    }

    private static TaskRow row(Object[] r) {
        return new TaskRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                date(r[4]), (String) r[5], ((Number) r[6]).intValue(), (String) r[7], TaskState.valueOf((String) r[8]),
                ((Number) r[9]).longValue(), ((Number) r[10]).intValue());
    }

    private TaskView view(TaskRow t, SeasonAccess access) {
        List<TaskView.Transition> transitions = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT action, from_state, to_state, actor, actor_role, comment, "
                        + "submission_number, at FROM task_transition WHERE task_id = ?1 ORDER BY id")
                .setParameter(1, t.id()).getResultList()) {
            Object[] r = (Object[]) o;
            TaskAction a = TaskAction.valueOf((String) r[0]);
            TaskState from = TaskState.valueOf((String) r[1]);
            TaskState to = TaskState.valueOf((String) r[2]);
            transitions.add(new TaskView.Transition(a.name(), a.label(), from.name(), from.label(), to.name(), to.label(),
                    (String) r[3], (String) r[4], time(r[7]), (String) r[5],
                    r[6] == null ? null : ((Number) r[6]).intValue()));
        }
        List<TaskView.Comment> comments = new ArrayList<>();
        for (int i = transitions.size() - 1; i >= 0; i--) {
            TaskView.Transition tr = transitions.get(i);
            if (tr.action().equals(TaskAction.RETURN.name())) {
                comments.add(new TaskView.Comment(tr.by(), tr.at(), tr.comment()));
            }
        }
        List<TaskView.ActionView> allowed = Arrays.stream(TaskAction.values())
                .filter(a -> a.from().contains(t.state()) && access.may(a, t.unitCode(), t.county()))
                .map(a -> new TaskView.ActionView(a.name(), a.label())).toList();
        LocalDate today = today();
        int daysOverdue = t.state().daysOverdue(t.deadline(), today);
        boolean overdue = daysOverdue > 0;
        return new TaskView(t.unitCode(), t.year(), t.unitName(), t.county(), t.systemCode(), t.state().name(),
                t.state().label(), t.deadline(), overdue, daysOverdue,
                t.submissions(), t.version(), allowed, comments, transitions);
    }

    private Optional<Long> seasonId(String county, int year) {
        return em.createNativeQuery("SELECT id FROM season WHERE county = ?1 AND fiscal_year = ?2")
                .setParameter(1, county).setParameter(2, year).getResultList().stream()
                .findFirst().map(n -> ((Number) n).longValue());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(List<?> rows) {
        return (List<String>) rows;
    }

    static BigDecimal points(BigDecimal v) {
        return v == null ? null : v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros().scale() < 0
                ? v.setScale(0) : v.stripTrailingZeros();
    }

    static LocalDate date(Object d) {
        return d instanceof LocalDate l ? l : d instanceof Date sql ? sql.toLocalDate() : LocalDate.parse(d.toString());
    }

    static OffsetDateTime time(Object t) {
        return t instanceof OffsetDateTime o ? o.withOffsetSameInstant(ZoneOffset.UTC)
                : t instanceof java.time.Instant i ? i.atOffset(ZoneOffset.UTC)
                : t instanceof java.sql.Timestamp ts ? ts.toInstant().atOffset(ZoneOffset.UTC) : null;
    }
}
