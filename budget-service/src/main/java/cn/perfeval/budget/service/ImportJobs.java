package cn.perfeval.budget.service;

import cn.perfeval.budget.api.JobDtos.ItemError;
import cn.perfeval.budget.api.JobDtos.JobResponse;
import cn.perfeval.budget.api.JobDtos.JobState;
import cn.perfeval.budget.config.BudgetConfig;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bulk import jobs (issue #18): an upload is split into unit-years and stored, each as one row, before the
 * job is answered; {@link ImportJobWorker} then stores them one transaction per unit-year.
 */
@ApplicationScoped
public class ImportJobs {

    public static final String KIND = "budget-import";
    /** Unit-years listed with their errors in a job's answer; the counts cover them all. */
    public static final int MAX_LISTED_ERRORS = 1000;
    private static final int INSERT_BATCH = 200;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final BudgetConfig config;

    public ImportJobs(EntityManager em, ObjectMapper mapper, BudgetConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
    }

    /** One unit-year of an upload: where it starts in the file, and its JSON (or why it cannot be taken). */
    public record Item(int line, String payload, List<FieldError> refused) {
    }

    /**
     * Stores an NDJSON upload as a queued job, reading it line by line: every non-blank line is one unit-year.
     * A line longer than the limit is stored as refused (its text is not kept). 400 when there is no line.
     */
    @Transactional
    public UUID createFromNdjson(Reader body, String actor) {
        UUID id = UUID.randomUUID();
        insertJob(id, "ndjson", actor);
        int max = config.jobs().maxLineChars();
        List<Item> batch = new ArrayList<>();
        int total = 0;
        try (BufferedReader in = new BufferedReader(body)) {
            int lineNr = 0;
            StringBuilder line = new StringBuilder();
            int c;
            boolean tooLong = false;
            while (true) {
                c = in.read();
                if (c == '\n' || c == -1) {
                    lineNr++;
                    if (tooLong) {
                        batch.add(new Item(lineNr, "", List.of(new FieldError("line",
                                "该行超过 " + max + " 个字符，未导入；每行为一个单位年度，请拆分过大的数据", null))));
                    } else if (!line.toString().isBlank()) {
                        batch.add(new Item(lineNr, line.toString().strip(), null));
                    }
                    line.setLength(0);
                    tooLong = false;
                    if (batch.size() >= INSERT_BATCH) {
                        total += insertItems(id, batch);
                    }
                    if (c == -1) {
                        break;
                    }
                } else if (!tooLong) {
                    line.append((char) c);
                    if (line.length() > max) {
                        tooLong = true;
                        line.setLength(0);
                    }
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.invalid("body", "请求体不是 UTF-8 编码的文本", null);
        } catch (IOException e) {
            throw ApiException.invalid("body", "请求体无法读取", null);
        }
        total += insertItems(id, batch);
        if (total == 0) {
            throw ApiException.invalid("body", "没有任何单位年度：NDJSON 的每行应为一个单位年度的 JSON 对象", null);
        }
        finishUpload(id, total);
        return id;
    }

    /** Stores the unit-years of a CSV upload, already grouped into the NDJSON line shape ({@link BulkCsv}). */
    @Transactional
    public UUID createFromItems(String format, List<Item> items, String actor) {
        UUID id = UUID.randomUUID();
        insertJob(id, format, actor);
        List<Item> batch = new ArrayList<>();
        int total = 0;
        for (Item item : items) {
            batch.add(item);
            if (batch.size() >= INSERT_BATCH) {
                total += insertItems(id, batch);
            }
        }
        total += insertItems(id, batch);
        if (total == 0) {
            throw ApiException.invalid("body", "没有任何单位年度：文件中没有数据行", null);
        }
        finishUpload(id, total);
        return id;
    }

    private void insertJob(UUID id, String format, String actor) {
        em.createNativeQuery("INSERT INTO import_job (id, kind, format, state, total, created_by, created_at) "
                        + "VALUES (?1, ?2, ?3, 'QUEUED', 0, ?4, ?5)")
                .setParameter(1, id).setParameter(2, KIND).setParameter(3, format).setParameter(4, actor)
                .setParameter(5, OffsetDateTime.now()).executeUpdate();
    }

    /** The items refused on arrival count as done and failed from the start. */
    private void finishUpload(UUID id, int total) {
        em.createNativeQuery("UPDATE import_job SET total = ?2, "
                        + "done = (SELECT count(*) FROM import_job_item WHERE job_id = ?1 AND status = 'FAILED'), "
                        + "failed = (SELECT count(*) FROM import_job_item WHERE job_id = ?1 AND status = 'FAILED') WHERE id = ?1")
                .setParameter(1, id).setParameter(2, total).executeUpdate();
    }

    private int insertItems(UUID id, List<Item> batch) {
        int n = batch.size();
        if (n == 0) {
            return 0;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO import_job_item (job_id, seq, payload, status, errors, unit_code, year) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Item item : batch) {
                    ps.setObject(1, id);
                    ps.setInt(2, item.line());
                    ps.setString(3, item.payload());
                    ps.setString(4, item.refused() == null ? "PENDING" : "FAILED");
                    ps.setString(5, item.refused() == null ? null : json(item.refused()));
                    // a unit-year refused on arrival is listed with its unit and year, as one refused later is
                    JsonNode named = item.refused() == null ? null : readQuietly(item.payload());
                    String unitCode = named == null || !named.path("unitCode").isTextual()
                            || named.path("unitCode").asText().length() > 200 ? null : named.path("unitCode").asText();
                    ps.setString(6, unitCode);
                    if (named != null && named.path("year").isInt()) {
                        ps.setInt(7, named.path("year").asInt());
                    } else {
                        ps.setNull(7, java.sql.Types.INTEGER);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        batch.clear();
        return n;
    }

    /** The JSON of an item's text, or null when it is not JSON (an over-long line keeps no text). */
    private JsonNode readQuietly(String payload) {
        try {
            return payload == null || payload.isEmpty() ? null : mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    String json(List<FieldError> errors) {
        try {
            return mapper.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The job as its owner reads it; 404 when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JobResponse get(UUID id) {
        List<?> rows = em.createNativeQuery("SELECT kind, format, state, total, done, failed, created_by, created_at, "
                        + "started_at, finished_at FROM import_job WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("没有编号为 " + id + " 的作业");
        }
        Object[] r = (Object[]) rows.get(0);
        List<ItemError> errors = new ArrayList<>();
        for (Object o : em.createNativeQuery("SELECT seq, unit_code, year, errors FROM import_job_item "
                        + "WHERE job_id = ?1 AND status = 'FAILED' ORDER BY seq")
                .setParameter(1, id).setMaxResults(MAX_LISTED_ERRORS).getResultList()) {
            Object[] e = (Object[]) o;
            errors.add(new ItemError(((Number) e[0]).intValue(), (String) e[1],
                    e[2] == null ? null : ((Number) e[2]).intValue(), parseErrors((String) e[3])));
        }
        JobState state = JobState.valueOf((String) r[2]);
        int done = ((Number) r[4]).intValue();
        int failed = ((Number) r[5]).intValue();
        return new JobResponse(id, (String) r[0], (String) r[1], state, state.label, ((Number) r[3]).intValue(),
                done, done - failed, failed, (String) r[6], time(r[7]), time(r[8]), time(r[9]), errors);
    }

    private List<FieldError> parseErrors(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, new TypeReference<List<FieldError>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
