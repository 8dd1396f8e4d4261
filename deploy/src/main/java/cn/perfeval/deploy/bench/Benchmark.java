package cn.perfeval.deploy.bench;

import cn.perfeval.deploy.Launcher;
import cn.perfeval.deploy.Suite;
import cn.perfeval.deploy.Suite.Service;
import cn.perfeval.deploy.SuiteOptions;
import cn.perfeval.deploy.demo.DemoContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the suite on embedded defaults and prints every figure beside a baseline measured in
 * the same run: freshness, bulk recomputation, read throughput, documents, footprint.
 *
 * <pre>./deploy/bench [--unit-years 10000] [--rate 50] [--seconds 30]</pre>
 */
public final class Benchmark {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String[]> table = new ArrayList<>();
    private final Suite suite;
    private final int year = 2024;

    private final String adminToken;

    private Benchmark(Suite suite) {
        this.suite = suite;
        this.adminToken = suite.tokens().admin();
    }

    public static void main(String[] args) throws Exception {
        int unitYears = intArg(args, "--unit-years", 10_000);
        int rate = intArg(args, "--rate", 50);
        int seconds = intArg(args, "--seconds", 30);
        // --load bulk (default): through the bulk import jobs of budget-service; --load http: 3 PUTs per unit-year
        boolean viaJobs = !"http".equals(stringArg(args, "--load", "bulk"));
        Launcher.quietLogs();
        Path root = Path.of(System.getProperty("perfeval.repo.root", ".")).toAbsolutePath().normalize();
        Path logs = Files.createTempDirectory("perfeval-bench-logs-");
        System.out.println("Starting the suite (logs in " + logs + ") …");
        try (Suite suite = Suite.start(SuiteOptions.embeddedOnFreePorts(root, logs))) {
            Benchmark b = new Benchmark(suite);
            b.bulk(unitYears, viaJobs);
            b.freshness(rate, seconds, Math.min(unitYears, 2000));
            b.reads(unitYears);
            b.documents();
            b.footprint();
            b.print(unitYears, rate, seconds);
        }
    }

    // ---- 2. bulk recomputation -------------------------------------------------------------

    private void bulk(int unitYears, boolean viaJobs) throws Exception {
        System.out.printf("Bulk: loading %,d unit-years %s…%n", unitYears, viaJobs ? "through bulk import jobs " : "over HTTP ");
        // through a job each unit-year is stored as one version; over HTTP its expenditure and execution make two
        long lastVersion = viaJobs ? 1 : 2;
        SyntheticData data = new SyntheticData(42);
        Set<String> scored = ConcurrentHashMap.newKeySet();
        AtomicLong lastScoredAt = new AtomicLong();
        Watcher watcher = scoreWatcher("bench-bulk-" + UUID.randomUUID(), (key, budgetVersion) -> {
            if (budgetVersion >= lastVersion && scored.add(key)) {
                lastScoredAt.set(System.nanoTime());
            }
        });
        // scoring-service is stopped while the data is loaded, so that the recomputation is timed on
        // its own: from the moment it is back, with every event waiting in Kafka, until the last score
        suite.stop(Service.SCORING);
        int concurrency = 16;
        Semaphore inFlight = new Semaphore(concurrency);
        java.util.concurrent.ExecutorService writers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        BulkJobs jobs = viaJobs ? new BulkJobs(unitYears) : null;
        for (int i = 0; i < unitYears; i++) {
            String unit = SyntheticData.unitCode(i);
            String county = SyntheticData.county(i, 20);
            ObjectNode table = json.createObjectNode().put("amountUnit", "万元");
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
            ObjectNode execution = json.createObjectNode().put("amountUnit", "万元")
                    .put("adjustmentIncrease", data.amount()).put("adjustmentDecrease", 0)
                    .put("basicActual", basic.multiply(BigDecimal.valueOf(90 + data.random().nextInt(20), 2)).setScale(2, java.math.RoundingMode.HALF_UP))
                    .put("projectActual", project.multiply(BigDecimal.valueOf(50 + data.random().nextInt(50), 2)).setScale(2, java.math.RoundingMode.HALF_UP))
                    .put("yearEndBalance", 0).put("threePublicBudget", 12).put("threePublicActual", data.random().nextInt(13));
            String unitBody = "{\"name\":\"单位" + i + "\",\"county\":\"" + county + "\",\"province\":\"湖南省\",\"kind\":\"行政\"}";
            if (jobs != null) {
                // one NDJSON line: the unit, its 支出总表 and its execution, the bodies of the three PUTs
                jobs.add("{\"unitCode\":\"" + unit + "\",\"year\":" + year + ",\"unit\":" + unitBody
                        + ",\"expenditure\":" + table + ",\"execution\":" + execution + "}");
                continue;
            }
            inFlight.acquire();
            writers.execute(() -> {
                try {
                    // a new unit: its first PUT creates it and needs no If-Match; budget tables never need one
                    put(budget("/api/v1/units/" + unit), unitBody);
                    put(budget("/api/v1/units/" + unit + "/years/" + year + "/budget/expenditure"), table.toString());
                    put(budget("/api/v1/units/" + unit + "/years/" + year + "/budget/execution"), execution.toString());
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
        writers.shutdown();
        if (jobs != null) {
            jobs.finish();
        }
        long loaded = System.nanoTime();
        long restartAt = System.nanoTime();
        suite.restart(Service.SCORING);
        long ready = System.nanoTime();
        long deadline = ready + TimeUnit.MINUTES.toNanos(30);
        while (scored.size() < unitYears && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        watcher.stop();
        double loadSeconds = (loaded - start) / 1e9;
        double startSeconds = (ready - restartAt) / 1e9;
        double drainSeconds = Math.max(1e-3, (lastScoredAt.get() - ready) / 1e9);
        double rawRate = rawConsumeRate("budget-events");
        row("2. bulk: " + String.format("%,d", unitYears) + (viaJobs
                        ? " unit-years loaded through bulk import jobs (NDJSON, ≤ 3.5 MB per job, one transaction per unit-year)"
                        : " unit-years loaded over HTTP (3 writes each, 16 clients)"),
                String.format("%.1f s (%.0f unit-years/s)", loadSeconds, unitYears / loadSeconds), "", "");
        row("2. bulk: every score computed (scored " + scored.size() + "), scoring-service started after the load",
                String.format("%.1f s from ready to the last score: %.0f unit-years/s (start-up %.1f s)",
                        drainSeconds, scored.size() / drainSeconds, startSeconds),
                String.format("plain consumer reads budget-events at %.0f events/s", rawRate),
                "100,000 in < 60 s (1,667/s)");
    }

    // ---- 1. freshness ----------------------------------------------------------------------

    private void freshness(int rate, int seconds, int pool) throws Exception {
        System.out.printf("Freshness: %d writes/s for %d s …%n", rate, seconds);
        Stats scoreLatency = new Stats();
        Stats reportLatency = new Stats();
        Map<String, long[]> pending = new ConcurrentHashMap<>();   // key → {version, t0}
        Watcher watcher = scoreWatcher("bench-fresh-" + UUID.randomUUID(), (key, budgetVersion) -> {
            long[] p = pending.get(key);
            if (p != null && budgetVersion >= p[0] && p[2] == 0) {
                p[2] = System.nanoTime();
                scoreLatency.add(p[2] - p[1]);
            }
        });
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(4);
        int total = rate * seconds;
        CountDownLatch done = new CountDownLatch(total);
        java.util.Random random = new java.util.Random(7);
        long periodNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            int unitIndex = i % pool;
            int amount = 1000 + random.nextInt(3000);
            pacer.schedule(() -> {
                try {
                    String unit = SyntheticData.unitCode(unitIndex);
                    String key = unit + ":" + year;
                    String body = "{\"amountUnit\":\"万元\",\"basicActual\":" + amount + ",\"projectActual\":500,"
                            + "\"adjustmentIncrease\":10,\"adjustmentDecrease\":0,\"threePublicBudget\":12,\"threePublicActual\":1}";
                    HttpResponse<String> r = send(HttpRequest.newBuilder(budget("/api/v1/units/" + unit + "/years/" + year + "/budget/execution"))
                            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
                    long t0 = System.nanoTime();
                    long version = Long.parseLong(r.headers().firstValue("ETag").orElse("\"0\"").replace("\"", ""));
                    pending.put(key, new long[] {version, t0, 0});
                    awaitReport(unit, version, t0, reportLatency);
                } finally {
                    done.countDown();
                }
            }, i * periodNanos, TimeUnit.NANOSECONDS);
        }
        done.await(seconds + 120L, TimeUnit.SECONDS);
        pacer.shutdownNow();
        watcher.stop();
        Stats kafkaBaseline = kafkaRoundTrip(200);
        row("1. freshness: write 2xx → score event (score committed)", "p50 " + scoreLatency.percentileMs(50) + " ms, p99 "
                + scoreLatency.percentileMs(99) + " ms (" + scoreLatency.count() + " writes)",
                "Kafka produce→consume p50 " + kafkaBaseline.percentileMs(50) + " ms, p99 " + kafkaBaseline.percentileMs(99) + " ms",
                "p99 ≤ 250 ms at " + rate + " writes/s");
        row("1. freshness: write 2xx → report shows the new version", "p50 " + reportLatency.percentileMs(50) + " ms, p99 "
                + reportLatency.percentileMs(99) + " ms", "", "");
    }

    private void awaitReport(String unit, long version, long t0, Stats latency) {
        URI uri = report("/api/v1/units/" + unit + "/years/" + year + "/report?format=json");
        long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri).GET());
            if (r.statusCode() == 200) {
                try {
                    JsonNode doc = json.readTree(r.body());
                    if (doc.path("provenance").path("scoredBudgetVersion").asLong() >= version) {
                        latency.add(System.nanoTime() - t0);
                        return;
                    }
                } catch (IOException e) {
                    return;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    // ---- 3. read throughput ----------------------------------------------------------------

    private void reads(int unitYears) {
        System.out.println("Reads …");
        long county1Units = java.util.stream.IntStream.range(0, unitYears)
                .filter(i -> SyntheticData.county(i, 20).equals(SyntheticData.county(1, 20))).count();
        String unit = SyntheticData.unitCode(1);
        URI score = scoring("/api/v1/units/" + unit + "/years/" + year + "/score");
        URI trivial = scoring("/q/health/live");
        Load baseline = load(trivial, 10);
        // the same trivial work behind token verification and the access check: what any /api read pays
        Load authenticated = load(scoring("/api/v1/measures"), 10);
        Load scores = load(score, 10);
        row("3. reads: GET score of a unit-year", scores.describe(), "GET /q/health/live (no token): " + baseline.describe(),
                "≥ 50 % of baseline: " + String.format("%.0f %%", 100.0 * scores.rps / baseline.rps));
        row("3. reads: GET /api/v1/measures (static list, bearer token verified)", authenticated.describe(), "",
                String.format("score read = %.0f %% of it", 100.0 * scores.rps / authenticated.rps));
        URI ranking = scoring("/api/v1/counties/" + java.net.URLEncoder.encode(SyntheticData.county(1, 20), StandardCharsets.UTF_8)
                + "/years/" + year + "/ranking");
        if (send(HttpRequest.newBuilder(ranking).GET()).statusCode() == 200) {
            Load r = load(ranking, 10);
            row("3. reads: GET county ranking (" + county1Units + " units)", r.describe(), "", "");
        } else {
            row("3. reads: GET county ranking", "n/a: no ranking endpoint answered 200", "", "");
        }
    }

    private record Load(double rps, String p99) {
        String describe() {
            return String.format("%.0f req/s, p99 %s ms", rps, p99);
        }
    }

    /** wrk when installed (2 threads, 16 connections), else a closed-loop Java client of 16 connections. */
    private Load load(URI uri, int seconds) {
        if (onPath("wrk")) {
            try {
                Process p = new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency",
                        "-H", "Authorization: Bearer " + adminToken, uri.toString())
                        .redirectErrorStream(true).start();
                double rps = 0;
                String p99 = "n/a";
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        String t = line.strip();
                        if (t.startsWith("Requests/sec:")) {
                            rps = Double.parseDouble(t.substring("Requests/sec:".length()).strip());
                        } else if (t.startsWith("99%")) {
                            p99 = toMs(t.substring(3).strip());
                        }
                    }
                }
                p.waitFor();
                return new Load(rps, p99);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        Stats stats = new Stats();
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    send(HttpRequest.newBuilder(uri).GET());
                    stats.add(System.nanoTime() - t0);
                    count.incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        threads.forEach(Benchmark::join);
        return new Load(count.get() / (double) seconds, stats.percentileMs(99));
    }

    // ---- 4. documents ----------------------------------------------------------------------

    private void documents() {
        System.out.println("Documents …");
        DemoContext ctx = DemoContext.of(suite.url(Service.BUDGET), suite.url(Service.SCORING), suite.url(Service.REPORT), adminToken);
        Launcher.loadDemo(ctx);
        for (String format : List.of("html", "docx", "pdf")) {
            URI uri = report("/api/v1/units/" + DemoContext.UNIT_CODE + "/years/" + year + "/report?format=" + format);
            if (send(HttpRequest.newBuilder(uri).GET()).statusCode() != 200) {
                row("4. documents: golden report as " + format, "n/a: format not served", "", "");
                continue;
            }
            Stats s = new Stats();
            for (int i = 0; i < 60; i++) {
                long t = System.nanoTime();
                send(HttpRequest.newBuilder(uri).GET());
                if (i >= 10) {
                    s.add(System.nanoTime() - t);
                }
            }
            String target = switch (format) {
                case "docx" -> "≤ 100 ms";
                case "pdf" -> "≤ 300 ms";
                default -> "";
            };
            row("4. documents: golden report as " + format + ", warm", "p50 " + s.percentileMs(50) + " ms, p99 " + s.percentileMs(99) + " ms",
                    "", target);
        }
        long t = System.nanoTime();
        int ok = 0;
        for (int i = 0; i < 1000; i++) {
            URI uri = report("/api/v1/units/" + SyntheticData.unitCode(i) + "/years/" + year + "/report?format=docx");
            if (send(HttpRequest.newBuilder(uri).GET()).statusCode() == 200) {
                ok++;
            }
        }
        row("4. documents: county batch of 1,000 DOCX", String.format("%.1f s (%d produced)", (System.nanoTime() - t) / 1e9, ok), "", "");
    }

    // ---- 5. footprint ----------------------------------------------------------------------

    private void footprint() {
        System.out.println("Footprint …");
        for (Service s : Service.values()) {
            long loadedRss = rssKb(suite.pid(s));
            suite.restart(s);
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
            long idleRss = rssKb(suite.pid(s));
            row("5. footprint: " + s.module, String.format("start-up %.1f s alone; RSS %d MB idle after start, %d MB after the load above",
                    suite.startupTime(s).toMillis() / 1000.0, idleRss / 1024, loadedRss / 1024), "", "");
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    // ---- helpers ---------------------------------------------------------------------------

    interface ScoreListener {
        void scored(String key, long budgetVersion);
    }

    /** A running score-events reader; {@link #stop()} ends it and closes its consumer cleanly. */
    private record Watcher(Thread thread, java.util.concurrent.atomic.AtomicBoolean running) {
        void stop() {
            running.set(false);
            join(thread);
        }
    }

    /** A thread that reads score-events from now on and tells the listener of each; returns once it listens. */
    private Watcher scoreWatcher(String group, ScoreListener listener) throws InterruptedException {
        CountDownLatch listening = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG, group,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
                c.subscribe(List.of("score-events"));
                while (c.assignment().isEmpty()) {
                    c.poll(Duration.ofMillis(50));
                }
                c.seekToEnd(c.assignment());
                c.assignment().forEach(c::position);
                listening.countDown();
                while (running.get()) {
                    c.poll(Duration.ofMillis(50)).forEach(r -> {
                        int at = r.value().indexOf("\"budgetVersion\":");
                        if (at >= 0) {
                            int end = at + 16;
                            while (end < r.value().length() && Character.isDigit(r.value().charAt(end))) {
                                end++;
                            }
                            listener.scored(r.key(), Long.parseLong(r.value().substring(at + 16, end)));
                        }
                    });
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        if (!listening.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("score-events consumer got no partitions within 60 s");
        }
        return new Watcher(watcher, running);
    }

    /** Events per second a plain consumer reads a topic from the beginning. */
    private double rawConsumeRate(String topic) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long n = 0;
            long start = System.nanoTime();
            int empty = 0;
            while (empty < 10) {
                int got = c.poll(Duration.ofMillis(100)).count();
                n += got;
                empty = got == 0 ? empty + 1 : 0;
            }
            return n / ((System.nanoTime() - start) / 1e9 - 1.0);
        }
    }

    /** Produce→consume latency of small records on the same broker. */
    private Stats kafkaRoundTrip(int n) {
        String topic = "bench-roundtrip";
        Stats s = new Stats();
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers", suite.kafkaBootstrap(), "linger.ms", 1),
                new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap(),
                     ConsumerConfig.GROUP_ID_CONFIG, "bench-rt-" + UUID.randomUUID(),
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            p.send(new ProducerRecord<>(topic, "warm", "0"));
            while (c.assignment().isEmpty()) {
                c.poll(Duration.ofMillis(50));
            }
            c.seekToEnd(c.assignment());
            c.assignment().forEach(c::position);   // resolve the position now, before the first record
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                p.send(new ProducerRecord<>(topic, "k", Long.toString(t)));
                boolean seen = false;
                long giveUp = t + TimeUnit.SECONDS.toNanos(10);
                while (!seen && System.nanoTime() < giveUp) {
                    for (var r : c.poll(Duration.ofMillis(20))) {
                        if (r.value().equals(Long.toString(t))) {
                            seen = true;
                        }
                    }
                }
                if (seen) {
                    s.add(System.nanoTime() - t);
                }
            }
        }
        return s;
    }

    /**
     * The bulk import jobs of one load: NDJSON lines gathered into bodies under the 4 MB limit, each posted as one
     * job, then every job polled until done, with a progress line.
     */
    private final class BulkJobs {
        private static final int MAX_BODY = 3_500_000;
        private final int expected;
        private final StringBuilder body = new StringBuilder();
        private final java.util.List<String> locations = new java.util.ArrayList<>();
        private int bodyBytes;

        BulkJobs(int expected) {
            this.expected = expected;
        }

        void add(String line) {
            int bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
            if (bodyBytes + bytes > MAX_BODY) {
                submit();
            }
            body.append(line).append('\n');
            bodyBytes += bytes;
        }

        private void submit() {
            if (body.isEmpty()) {
                return;
            }
            HttpResponse<String> r = send(HttpRequest.newBuilder(budget("/api/v1/jobs/budget-imports"))
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            if (r.statusCode() != 202) {
                throw new IllegalStateException("POST /api/v1/jobs/budget-imports → " + r.statusCode() + ": " + r.body());
            }
            locations.add(r.headers().firstValue("Location").orElseThrow());
            body.setLength(0);
            bodyBytes = 0;
        }

        /** Submits the rest and waits until every job is finished, printing the progress every 2 s. */
        void finish() throws IOException {
            submit();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
            long lastPrint = 0;
            while (true) {
                long done = 0;
                long failed = 0;
                int finished = 0;
                for (String location : locations) {
                    HttpResponse<String> r = send(HttpRequest.newBuilder(budget(location)).GET());
                    com.fasterxml.jackson.databind.JsonNode job = json.readTree(r.body());
                    done += job.path("done").asLong();
                    failed += job.path("failed").asLong();
                    String state = job.path("state").asText();
                    if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                        finished++;
                    }
                }
                if (finished == locations.size() || System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(2)) {
                    System.out.printf("  bulk import: %,d / %,d unit-years processed (%,d refused), %d of %d jobs finished%n",
                            done, expected, failed, finished, locations.size());
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
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            }
        }
    }

    private URI budget(String path) {
        return suite.url(Service.BUDGET).resolve(path);
    }

    private URI scoring(String path) {
        return suite.url(Service.SCORING).resolve(path);
    }

    private URI report(String path) {
        return suite.url(Service.REPORT).resolve(path);
    }

    private void put(URI uri, String body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT " + uri + " → " + r.statusCode() + ": " + r.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            // every request as admin: a real deployment verifies a token on each call, so the figures include it
            return http.send(b.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + adminToken).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void row(String figure, String value, String baseline, String target) {
        table.add(new String[] {figure, value, baseline, target});
        System.out.printf("  %s: %s %s%n", figure, value, baseline.isEmpty() ? "" : "(baseline: " + baseline + ")");
    }

    private void print(int unitYears, int rate, int seconds) {
        System.out.printf("%n| figure | measured | baseline (same run) | target |%n|---|---|---|---|%n");
        for (String[] r : table) {
            System.out.printf("| %s | %s | %s | %s |%n", r[0], r[1], r[2], r[3]);
        }
        System.out.printf("%nunit-years %d, freshness %d writes/s for %d s, %d cores, Java %s%n", unitYears, rate, seconds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    }

    private static String toMs(String wrkLatency) {
        if (wrkLatency.endsWith("us")) {
            return String.format("%.2f", Double.parseDouble(wrkLatency.replace("us", "")) / 1000);
        }
        if (wrkLatency.endsWith("ms")) {
            return wrkLatency.replace("ms", "");
        }
        if (wrkLatency.endsWith("s")) {
            return String.format("%.0f", Double.parseDouble(wrkLatency.replace("s", "")) * 1000);
        }
        return wrkLatency;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
