package cn.perfeval.budget.service;

import cn.perfeval.budget.api.JobDtos.BulkUnitYear;
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
 * Processes the bulk import jobs in the background, one unit-year per transaction: the unit-year's data, its
 * event (one per unit-year) and the mark that it is done are committed together, so a job interrupted by a
 * restart continues at start-up from the first unit-year not yet committed, and none is stored twice. A refused
 * unit-year is marked failed with its field errors in a transaction of its own; the others go on. Unit-years are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances may work on one job. Memory stays bounded:
 * one unit-year is read from the database at a time.
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
    private Thread thread;

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
        thread = new Thread(this::loop, "import-jobs");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
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
            while (processNext(job)) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            finish(job);
            actors.remove(job);
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

    /**
     * Stores the job's next pending unit-year, or marks it failed; false when none is pending. Any failure other
     * than a refusal of the data (the database unreachable, say) leaves the unit-year pending for the next round.
     */
    private boolean processNext(UUID job) {
        Object outcome;
        try {
            outcome = claimAndStore(job);
        } catch (RuntimeException e) {
            Throwable t = e;
            while (t != null && !(t instanceof Refused)) {
                t = t.getCause();
            }
            if (!(t instanceof Refused r)) {
                throw e;
            }
            QuarkusTransaction.requiringNew().run(() -> writeFailed(job, r.seq, r.payload, r.errors));
            return true;
        }
        return outcome != null;
    }

    private Object claimAndStore(UUID job) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT seq, payload FROM import_job_item WHERE job_id = ?1 "
                            + "AND status = 'PENDING' ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED")
                    .setParameter(1, job).getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            Object[] row = (Object[]) rows.get(0);
            int seq = ((Number) row[0]).intValue();
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

    /** Ends a job with no pending unit-year left: 已完成, or 已失败 when not one unit-year was stored. */
    private void finish(UUID job) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE import_job SET "
                        + "state = CASE WHEN failed >= total THEN 'FAILED' ELSE 'SUCCEEDED' END, finished_at = ?2 "
                        + "WHERE id = ?1 AND state = 'RUNNING' AND done >= total "
                        + "AND NOT EXISTS (SELECT 1 FROM import_job_item WHERE job_id = ?1 AND status = 'PENDING')")
                .setParameter(1, job).setParameter(2, OffsetDateTime.now()).executeUpdate());
    }
}
