package cn.perfeval.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A synthetic province: seeded unit-years (a 支出总表 of 30–200 rows whose 类/款/项 add up, and the year-end
 * execution) loaded through budget-service's bulk import jobs, with a progress line. The benchmark loads its
 * unit-years this way, and {@code ./deploy/run} does when {@code PERFEVAL_SYNTHETIC_UNIT_YEARS} is set.
 */
public final class SyntheticProvince {

    /** Bodies stay under the services' 4 MB limit. */
    static final int MAX_BODY = 3_500_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticProvince() {
    }

    /** The i-th unit-year of the seeded data: the bodies of the unit's PUT, its 支出总表 and its execution. */
    public record UnitYear(String unitCode, String unit, String expenditure, String execution) {

        /** The unit-year as one NDJSON line of a bulk import. */
        public String ndjson(int year) {
            return "{\"unitCode\":\"" + unitCode + "\",\"year\":" + year + ",\"unit\":" + unit
                    + ",\"expenditure\":" + expenditure + ",\"execution\":" + execution + "}";
        }
    }

    /** The next unit-year of {@code data} (call with i = 0, 1, 2, … on one generator: the data is seeded). */
    public static UnitYear unitYear(SyntheticData data, int i) {
        ObjectNode table = JSON.createObjectNode().put("amountUnit", "万元");
        ArrayNode rows = table.putArray("rows");
        BigDecimal basic = BigDecimal.ZERO;
        BigDecimal project = BigDecimal.ZERO;
        for (SyntheticData.Row r : data.expenditureTable(30, 200)) {
            rows.addObject().put("code", r.code()).put("name", r.name()).put("total", r.total())
                    .put("basic", r.basic()).put("project", r.project());
            if (r.code().length() == 3) {
                basic = basic.add(r.basic());
                project = project.add(r.project());
            }
        }
        ObjectNode execution = JSON.createObjectNode().put("amountUnit", "万元")
                .put("adjustmentIncrease", data.amount()).put("adjustmentDecrease", 0)
                .put("basicActual", basic.multiply(BigDecimal.valueOf(90 + data.random().nextInt(20), 2)).setScale(2, RoundingMode.HALF_UP))
                .put("projectActual", project.multiply(BigDecimal.valueOf(50 + data.random().nextInt(50), 2)).setScale(2, RoundingMode.HALF_UP))
                .put("yearEndBalance", 0).put("threePublicBudget", 12).put("threePublicActual", data.random().nextInt(13));
        String unit = "{\"name\":\"单位" + i + "\",\"county\":\"" + SyntheticData.county(i, 20)
                + "\",\"province\":\"湖南省\",\"kind\":\"行政\"}";
        return new UnitYear(SyntheticData.unitCode(i), unit, table.toString(), execution.toString());
    }

    /**
     * Loads {@code unitYears} synthetic unit-years of {@code year} into budget-service and waits until every job has
     * finished, reporting the progress through {@code progress} every 5 s. Throws when a unit-year is refused.
     */
    public static void load(URI budget, String adminToken, int unitYears, int year, Consumer<String> progress) {
        Jobs jobs = new Jobs(budget, adminToken, unitYears, progress);
        SyntheticData data = new SyntheticData(42);
        for (int i = 0; i < unitYears; i++) {
            jobs.add(unitYear(data, i).ndjson(year));
        }
        jobs.finish();
    }

    /**
     * The bulk import jobs of one load: NDJSON lines gathered into bodies under the 4 MB limit, each posted as one
     * job as soon as it is full (at most one body is held), then every job polled until done, with a progress line.
     */
    static final class Jobs {
        private final BearerClient http;
        private final URI budget;
        private final int expected;
        private final Consumer<String> progress;
        private final StringBuilder body = new StringBuilder();
        private final List<String> locations = new ArrayList<>();
        private int bodyBytes;
        private int added;
        private long lastPrint = System.nanoTime();
        long bytes;
        long postNanos;

        Jobs(URI budget, String token, int expected, Consumer<String> progress) {
            this.budget = budget;
            this.http = new BearerClient(token, Duration.ofSeconds(120));
            this.expected = expected;
            this.progress = progress;
        }

        int count() {
            return locations.size();
        }

        void add(String line) {
            int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bodyBytes + size > MAX_BODY) {
                submit();
            }
            body.append(line).append('\n');
            bodyBytes += size;
            added++;
        }

        private void submit() {
            if (body.isEmpty()) {
                return;
            }
            long t = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(budget.resolve("/api/v1/jobs/budget-imports"))
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            postNanos += System.nanoTime() - t;
            if (r.statusCode() != 202) {
                throw new IllegalStateException("POST /api/v1/jobs/budget-imports → " + r.statusCode() + ": " + r.body());
            }
            locations.add(r.headers().firstValue("Location").orElseThrow());
            bytes += bodyBytes;
            body.setLength(0);
            bodyBytes = 0;
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                progress.accept(String.format("  bulk import: %,d / %,d unit-years uploaded in %d jobs", added, expected,
                        locations.size()));
                lastPrint = System.nanoTime();
            }
        }

        /**
         * Submits the rest and waits until every job is finished, printing the progress every 5 s. A finished job is
         * not asked again, and a round stops at the second job still queued (the ones after it wait too), so the
         * polling stays a few requests per second however many jobs there are.
         */
        void finish() {
            submit();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
            long[] doneOf = new long[locations.size()];
            long[] failedOf = new long[locations.size()];
            boolean[] finishedOf = new boolean[locations.size()];
            while (true) {
                int queuedSeen = 0;
                for (int i = 0; i < locations.size() && queuedSeen < 2; i++) {
                    if (finishedOf[i]) {
                        continue;
                    }
                    HttpResponse<String> r = send(HttpRequest.newBuilder(budget.resolve(locations.get(i))).GET());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("GET " + locations.get(i) + " → " + r.statusCode() + ": " + r.body());
                    }
                    JsonNode job;
                    try {
                        job = JSON.readTree(r.body());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    doneOf[i] = job.path("done").asLong();
                    failedOf[i] = job.path("failed").asLong();
                    String state = job.path("state").asText();
                    finishedOf[i] = state.equals("SUCCEEDED") || state.equals("FAILED");
                    if (state.equals("QUEUED")) {
                        queuedSeen++;
                    }
                }
                long done = Arrays.stream(doneOf).sum();
                long failed = Arrays.stream(failedOf).sum();
                int finished = 0;
                for (boolean f : finishedOf) {
                    finished += f ? 1 : 0;
                }
                if (finished == locations.size() || System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                    progress.accept(String.format("  bulk import: %,d / %,d unit-years processed (%,d refused), %d of %d jobs finished",
                            done, expected, failed, finished, locations.size()));
                    lastPrint = System.nanoTime();
                }
                if (finished == locations.size()) {
                    if (failed > 0) {
                        throw new IllegalStateException(failed + " synthetic unit-years were refused by the bulk import");
                    }
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bulk import jobs did not finish within 60 min");
                }
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            return http.send(request);
        }
    }
}
