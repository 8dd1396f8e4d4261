package cn.perfeval.budget.service;

import cn.perfeval.budget.api.JobDtos.BulkUnitYear;
import cn.perfeval.budget.api.UnitDtos.UnitRequest;
import cn.perfeval.budget.config.BudgetConfig;
import cn.perfeval.platform.audit.Actor;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.JsonErrors;
import cn.perfeval.platform.problem.ProblemDetail.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Processes the bulk import jobs in the background. Unit-years are taken in chunks ({@code budget.jobs.chunk-size},
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so several threads and instances work on one job): each unit-year is
 * first checked without touching the database, a refused one is marked failed with its field errors and writes
 * nothing, and the chunk's accepted unit-years are stored together ({@link BudgetService#storeImports}: rows, events
 * and audit entries in JDBC batches), each with its one event, with the marks that they are done, in one
 * transaction. A unit-year named twice in a chunk, or a unit given with other master data than earlier in it, is
 * stored after what came before it, in line order. A job interrupted by a restart therefore continues at start-up
 * from the first unit-year not yet committed, and none is stored twice. When storing a chunk fails for another reason (the
 * database refusing a row, a deadlock between two workers), it is rolled back and its unit-years are taken again
 * one transaction each, so that only the failing one is held back; after {@code budget.jobs.max-attempts} failed
 * attempts it is reported as not imported. Memory stays bounded: one chunk is read from the database at a time.
 */
@ApplicationScoped
public class ImportJobWorker {

    private static final Logger LOG = Logger.getLogger(ImportJobWorker.class);

    private final EntityManager em;
    private final BudgetService budget;
    private final ImportJobs jobs;
    private final ObjectMapper mapper;
    private final BudgetConfig config;
    private final Object wake = new Object();
    private final java.util.Map<UUID, Actor> actors = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running;
    private final List<Thread> threads = new java.util.ArrayList<>();

    public ImportJobWorker(EntityManager em, BudgetService budget, ImportJobs jobs, ObjectMapper mapper, BudgetConfig config) {
        this.em = em;
        this.budget = budget;
        this.jobs = jobs;
        this.mapper = mapper;
        this.config = config;
    }

    void start(@Observes StartupEvent ev) {
        if (!config.jobs().workerEnabled()) {
            return;
        }
        running = true;
        for (int i = 1; i <= Math.max(1, config.jobs().workers()); i++) {
            Thread thread = new Thread(this::loop, "import-jobs-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    /** Wakes the worker (a job was just queued). */
    public void wake() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                drain();
            } catch (RuntimeException e) {
                LOG.warnf("批量导入作业处理中断，稍后重试：%s", e.getMessage());
            }
            synchronized (wake) {
                try {
                    wake.wait(config.jobs().pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Works through every queued or unfinished job until none is left: the entry point of the background thread,
     * and of resumption after a restart (a job left running continues with its pending unit-years).
     */
    public void drain() {
        UUID job;
        while ((job = nextJob()) != null) {
            while (processChunk(job)) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            if (finish(job)) {
                actors.remove(job);
            }
        }
    }

    /** The oldest job not finished, marked running (started now unless it had started before). */
    private UUID nextJob() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = em.createNativeQuery("SELECT id, created_by FROM import_job WHERE state IN ('QUEUED', 'RUNNING') "
                    + "ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED").getResultList();
            if (ids.isEmpty()) {
                return null;
            }
            Object[] row = (Object[]) ids.get(0);
            UUID id = (UUID) row[0];
            // the audit trail records the job's unit-years as changed by whoever submitted it (only admins may)
            actors.put(id, new Actor((String) row[1], List.of("admin")));
            em.createNativeQuery("UPDATE import_job SET state = 'RUNNING', started_at = coalesce(started_at, ?2) WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, OffsetDateTime.now()).executeUpdate();
            return id;
        });
    }

    /** A unit-year refused: where it is, its text and its field errors (thrown to roll its transaction back). */
    private static final class Refused extends RuntimeException {
        final int seq;
        final String payload;
        final List<FieldError> errors;

        Refused(int seq, String payload, List<FieldError> errors) {
            super("refused", null, false, false);
            this.seq = seq;
            this.payload = payload;
            this.errors = errors;
        }
    }

    /** A unit-year claimed in a chunk: its place in the job and its text. */
    private record Claimed(int seq, String payload) {
    }

    /** A unit-year of a chunk that was stored: its place in the job, and the unit and year it names. */
    private record Stored(int seq, String unitCode, int year) {
    }

    /**
     * Stores the job's next chunk of pending unit-years in one transaction (refused ones marked failed, writing
     * nothing); false when none is pending. When the chunk's transaction fails, its unit-years are taken again one
     * transaction each ({@link #processNext}), as many as the chunk had.
     */
    private boolean processChunk(UUID job) {
        int size = Math.max(1, config.jobs().chunkSize());
        int[] claimed = {0};
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<Claimed> items = claim(job, size);
                claimed[0] = items.size();
                if (items.isEmpty()) {
                    return false;
                }
                Actor actor = actors.getOrDefault(job, Actor.system("import-jobs"));
                List<Stored> done = new java.util.ArrayList<>();
                List<BulkUnitYear> group = new java.util.ArrayList<>();
                java.util.Set<String> unitYears = new java.util.HashSet<>();
                java.util.Map<String, UnitRequest> unitData = new java.util.HashMap<>();
                for (Claimed item : items) {
                    BulkUnitYear line;
                    List<FieldError> errors;
                    try {
                        line = parse(item.payload());
                        errors = budget.checkImport(line);
                    } catch (ApiException e) {
                        line = null;
                        errors = errorsOf(e);
                    }
                    if (!errors.isEmpty()) {
                        writeFailed(job, item.seq(), item.payload(), errors);
                        continue;
                    }
                    // a unit-year named again, or a unit with other master data, waits for what came before it
                    UnitRequest unit = unitData.get(line.unitCode());
                    if (unitYears.contains(line.unitCode() + ":" + line.year()) || (unit != null && !unit.equals(line.unit()))) {
                        store(group, actor, job);
                        unitYears.clear();
                        unitData.clear();
                    }
                    group.add(line);
                    unitYears.add(line.unitCode() + ":" + line.year());
                    unitData.put(line.unitCode(), line.unit());
                    done.add(new Stored(item.seq(), line.unitCode(), line.year()));
                }
                store(group, actor, job);
                markDone(job, done);
                return true;
            });
        } catch (RuntimeException e) {
            if (claimed[0] == 0) {
                throw e;
            }
            LOG.warnf("批量导入作业 %s 的一批单位年度未能一并保存（%s），改为逐个保存", job, e.getMessage());
            for (int i = 0; i < claimed[0] && processNext(job); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
            return true;
        }
    }

    /**
     * Stores a group of unit-years of a chunk together and empties it; the persistence context is cleared after
     * it, so that it never holds more than one group's rows.
     */
    private void store(List<BulkUnitYear> group, Actor actor, UUID job) {
        if (group.isEmpty()) {
            return;
        }
        budget.storeImports(group, actor, "job:" + job);
        em.flush();
        em.clear();
        group.clear();
    }

    private List<Claimed> claim(UUID job, int size) {
        List<?> rows = em.createNativeQuery("SELECT seq, payload FROM import_job_item WHERE job_id = ?1 "
                        + "AND status = 'PENDING' ORDER BY seq LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, job).setParameter(2, size).getResultList();
        List<Claimed> items = new java.util.ArrayList<>(rows.size());
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            items.add(new Claimed(((Number) row[0]).intValue(), (String) row[1]));
        }
        return items;
    }

    /** Marks the stored unit-years of a chunk done (one JDBC batch) and counts them in the job. */
    private void markDone(UUID job, List<Stored> done) {
        if (done.isEmpty()) {
            return;
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement st = connection.prepareStatement("UPDATE import_job_item SET status = 'DONE', "
                    + "unit_code = ?, year = ? WHERE job_id = ? AND seq = ?")) {
                for (Stored d : done) {
                    st.setString(1, d.unitCode());
                    st.setInt(2, d.year());
                    st.setObject(3, job);
                    st.setInt(4, d.seq());
                    st.addBatch();
                }
                st.executeBatch();
            }
        });
        em.createNativeQuery("UPDATE import_job SET done = done + ?2 WHERE id = ?1")
                .setParameter(1, job).setParameter(2, done.size()).executeUpdate();
    }

    /**
     * Counts a failed attempt to store a unit-year of a job (the one {@link #processNext} took); at the limit it is
     * marked failed, so that it never holds its job back.
     */
    private void failedAttempt(UUID job, int seq, RuntimeException cause) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                List<?> rows = em.createNativeQuery("UPDATE import_job_item SET attempts = attempts + 1 WHERE job_id = ?1 "
                                + "AND seq = ?2 AND status = 'PENDING' RETURNING seq, attempts, payload")
                        .setParameter(1, job).setParameter(2, seq).getResultList();
                if (rows.isEmpty()) {
                    return;
                }
                Object[] row = (Object[]) rows.get(0);
                int attempts = ((Number) row[1]).intValue();
                LOG.warnf(cause, "批量导入作业 %s 第 %s 行保存失败（第 %d 次）", job, row[0], attempts);
                if (attempts >= config.jobs().maxAttempts()) {
                    writeFailed(job, ((Number) row[0]).intValue(), (String) row[2], List.of(new FieldError("line",
                            "保存时出错，已尝试 " + attempts + " 次仍未成功；数据本身未发现错误，请稍后重新导入该单位年度，或联系系统管理员查看服务日志", null)));
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("批量导入作业 %s 的失败次数未能记录：%s", job, e.getMessage());
        }
    }

    /**
     * Stores the job's next pending unit-year, or marks it failed; false when none is pending. Any failure other
     * than a refusal of the data (the database unreachable, say) leaves the unit-year pending for the next round.
     */
    private boolean processNext(UUID job) {
        Object outcome;
        int[] claimed = {0};
        try {
            outcome = claimAndStore(job, claimed);
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t != null && !(t instanceof Refused)) {
                t = t.getCause();
            }
            if (!(t instanceof Refused r)) {
                if (claimed[0] > 0) {
                    failedAttempt(job, claimed[0], e);
                }
                throw e;
            }
            QuarkusTransaction.requiringNew().run(() -> writeFailed(job, r.seq, r.payload, r.errors));
            return true;
        }
        return outcome != null;
    }

    private Object claimAndStore(UUID job, int[] claimed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT seq, payload FROM import_job_item WHERE job_id = ?1 "
                            + "AND status = 'PENDING' ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED")
                    .setParameter(1, job).getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            Object[] row = (Object[]) rows.get(0);
            int seq = ((Number) row[0]).intValue();
            claimed[0] = seq;
            String payload = (String) row[1];
            BulkUnitYear line;
            try {
                line = parse(payload);
                budget.importUnitYear(line, actors.getOrDefault(job, Actor.system("import-jobs")), "job:" + job);
            } catch (ApiException e) {
                throw new Refused(seq, payload, errorsOf(e));
            }
            em.createNativeQuery("UPDATE import_job_item SET status = 'DONE', unit_code = ?3, year = ?4 "
                            + "WHERE job_id = ?1 AND seq = ?2")
                    .setParameter(1, job).setParameter(2, seq).setParameter(3, line.unitCode())
                    .setParameter(4, line.year()).executeUpdate();
            em.createNativeQuery("UPDATE import_job SET done = done + 1 WHERE id = ?1").setParameter(1, job).executeUpdate();
            return seq;
        });
    }

    private BulkUnitYear parse(String payload) {
        try {
            return mapper.readValue(payload, BulkUnitYear.class);
        } catch (JsonProcessingException e) {
            JsonErrors.Described d = JsonErrors.describe(e);
            throw ApiException.invalid(d.field().isEmpty() ? "line" : d.field(),
                    d.field().isEmpty() ? "该行不是一个单位年度的 JSON 对象：" + d.message() : d.message(), null);
        }
    }

    private static List<FieldError> errorsOf(ApiException e) {
        List<FieldError> errors = e.toProblem("").errors();
        return errors == null || errors.isEmpty() ? List.of(new FieldError("line", e.getMessage(), null)) : errors;
    }

    private void writeFailed(UUID job, int seq, String payload, List<FieldError> errors) {
        String unitCode = null;
        Integer year = null;
        try {
            JsonNode node = mapper.readTree(payload);
            if (node != null && node.isObject()) {
                unitCode = node.path("unitCode").isTextual() && node.path("unitCode").asText().length() <= 200
                        ? node.path("unitCode").asText() : null;
                year = node.path("year").isInt() ? node.path("year").asInt() : null;
            }
        } catch (JsonProcessingException ignored) {
            // an unreadable line names neither
        }
        int marked = em.createNativeQuery("UPDATE import_job_item SET status = 'FAILED', unit_code = ?3, year = ?4, errors = ?5 "
                        + "WHERE job_id = ?1 AND seq = ?2 AND status = 'PENDING'")
                .setParameter(1, job).setParameter(2, seq).setParameter(3, unitCode).setParameter(4, year)
                .setParameter(5, jobs.json(errors)).executeUpdate();
        if (marked == 0) {
            return; // another instance got there first
        }
        em.createNativeQuery("UPDATE import_job SET done = done + 1, failed = failed + 1 WHERE id = ?1")
                .setParameter(1, job).executeUpdate();
    }

    /**
     * Ends a job with no pending unit-year left: 已完成, or 已失败 when not one unit-year was stored; false while
     * unit-years are pending (another thread or instance may still hold some).
     */
    private boolean finish(UUID job) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE import_job SET "
                        + "state = CASE WHEN failed >= total THEN 'FAILED' ELSE 'SUCCEEDED' END, finished_at = ?2 "
                        + "WHERE id = ?1 AND state = 'RUNNING' AND done >= total "
                        + "AND NOT EXISTS (SELECT 1 FROM import_job_item WHERE job_id = ?1 AND status = 'PENDING')")
                .setParameter(1, job).setParameter(2, OffsetDateTime.now()).executeUpdate() > 0);
    }
}
