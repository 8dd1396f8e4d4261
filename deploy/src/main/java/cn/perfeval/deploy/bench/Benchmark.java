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
    private final BearerClient http;
    private final List<String[]> table = new ArrayList<>();
    private final List<String> profiles = new ArrayList<>();
    private final Suite suite;
    private final Path logs;
    private final int year = 2024;

    private final String adminToken;

    private Benchmark(Suite suite, Path logs) {
        this.suite = suite;
        this.logs = logs;
        this.adminToken = suite.tokens().admin();
        this.http = new BearerClient(adminToken, Duration.ofSeconds(60));
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
        System.out.println("Starting the suite (logs and profiles in " + logs + ") …");
        SuiteOptions o = SuiteOptions.embeddedOnFreePorts(root, logs);
        // deep stacks in the JFR recordings the benchmark takes (the default depth of 64 cuts Quarkus stacks short)
        SuiteOptions options = new SuiteOptions(o.repoRoot(), o.postgresUrl(), o.postgresUser(), o.postgresPassword(),
                o.postgresPort(), o.kafkaBootstrap(), o.kafkaPort(), o.budgetPort(), o.scoringPort(), o.reportPort(),
                o.jvmOptions() + " -XX:FlightRecorderOptions:stackdepth=256", o.logDir());
        try (Suite suite = Suite.start(options)) {
            Benchmark b = new Benchmark(suite, logs);
            try {
                b.bulk(unitYears, viaJobs);
                // each phase starts on a quiet suite: report-service and scoring-service have consumed every event
                // of the phase before (a backlog left by the bulk load would otherwise be timed as freshness)
                b.awaitConsumers("after the bulk load", true);
                int pool = Math.min(unitYears, 2000);
                Stats kafkaBaseline = b.kafkaRoundTrip(200);
                b.freshness("idle", 0, IDLE_WRITES, pool, kafkaBaseline);
                b.freshness("at " + rate + " writes/s", rate, seconds, pool, kafkaBaseline);
                b.awaitConsumers("after the writes at " + rate + "/s", false);
                b.reads(unitYears);
                b.documents(rate, pool);
                b.footprint();
            } finally {
                // the rows and profiles measured so far, even when a later phase failed
                b.print(unitYears, rate, seconds);
            }
        }
    }

    /**
     * Waits until the consumer groups of scoring-service and report-service have committed every record of the
     * topics they read (their lag is 0), printing the lag every 5 s (15 min at most); with {@code asRow}, the time it
     * took is a row of the table (how long report-service needs to catch up with a bulk load).
     */
    private void awaitConsumers(String when, boolean asRow) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(15);
        long lastPrint = 0;
        Map<String, Long> lag = Map.of();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap()))) {
            while (System.nanoTime() < deadline) {
                lag = new java.util.TreeMap<>();
                for (String group : List.of("scoring-service", "report-service")) {
                    Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
                    committed.keySet().forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    long behind = 0;
                    for (var e : committed.entrySet()) {
                        long end = ends.get(e.getKey()).offset();
                        behind += Math.max(0, end - (e.getValue() == null ? 0 : e.getValue().offset()));
                    }
                    lag.put(group, behind);
                }
                if (lag.values().stream().allMatch(v -> v == 0)) {
                    break;
                }
                if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                    System.out.printf("  waiting for the consumers to catch up %s: records not yet consumed %s%n", when, lag);
                    lastPrint = System.nanoTime();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not read the consumer groups' offsets: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  consumers caught up %s in %.1f s (left: %s)%n", when, seconds, lag);
        if (asRow) {
            row("2. report-service and scoring-service caught up with every event " + when
                            + " (consumer groups' lag 0, from the last score seen)",
                    String.format("%.1f s%s", seconds, lag.values().stream().allMatch(v -> v == 0) ? "" : " (not caught up in 15 min: " + lag + ")"),
                    "", "", "");
        }
    }

    // ---- 1. bulk load and 2. recomputation -------------------------------------------------

    private void bulk(int unitYears, boolean viaJobs) throws Exception {
        System.out.printf("Bulk: loading %,d unit-years %s…%n", unitYears, viaJobs ? "through bulk import jobs " : "over HTTP ");
        // through a job each unit-year is stored as one version; over HTTP its expenditure and execution make two
        long lastVersion = viaJobs ? 1 : 2;
        SyntheticData data = new SyntheticData(42);
        Set<String> scored = ConcurrentHashMap.newKeySet();
        AtomicLong firstScoredAt = new AtomicLong();
        AtomicLong tenthScoredAt = new AtomicLong();      // when 10 % of the unit-years were scored
        AtomicLong ninetiethScoredAt = new AtomicLong();  // when 90 % were
        AtomicLong lastScoredAt = new AtomicLong();
        int tenth = Math.max(1, unitYears / 10);
        int ninetieth = Math.max(1, unitYears * 9 / 10);
        Watcher watcher = scoreWatcher("bench-bulk-" + UUID.randomUUID(), (key, budgetVersion) -> {
            if (budgetVersion >= lastVersion && scored.add(key)) {
                long now = System.nanoTime();
                lastScoredAt.set(now);
                int n = scored.size();
                firstScoredAt.compareAndSet(0, now);
                if (n == tenth) {
                    tenthScoredAt.set(now);
                }
                if (n == ninetieth) {
                    ninetiethScoredAt.set(now);
                }
            }
        });
        // scoring-service is stopped while the data is loaded, so that the recomputation is timed on
        // its own: from the moment it is back, with every event waiting in Kafka, until the last score
        suite.stop(Service.SCORING);
        int concurrency = 16;
        Semaphore inFlight = new Semaphore(concurrency);
        java.util.concurrent.ExecutorService writers = Executors.newFixedThreadPool(concurrency);
        Profiler loadProfile = Profiler.start(suite.pid(Service.BUDGET), "budget-load", logs);
        long start = System.nanoTime();
        // the lines are made one at a time and sent in bodies of ≤ 3.5 MB: at most one body is held in memory
        SyntheticProvince.Jobs jobs = viaJobs ? new SyntheticProvince.Jobs(suite.url(Service.BUDGET), adminToken, unitYears,
                System.out::println) : null;
        for (int i = 0; i < unitYears; i++) {
            SyntheticProvince.UnitYear uy = SyntheticProvince.unitYear(data, i);
            if (jobs != null) {
                // one NDJSON line: the unit, its 支出总表 and its execution, the bodies of the three PUTs
                jobs.add(uy.ndjson(year));
                continue;
            }
            String unit = uy.unitCode();
            inFlight.acquire();
            writers.execute(() -> {
                try {
                    // a new unit: its first PUT creates it and needs no If-Match; budget tables never need one
                    put(budget("/api/v1/units/" + unit), uy.unit());
                    put(budget("/api/v1/units/" + unit + "/years/" + year + "/budget/expenditure"), uy.expenditure());
                    put(budget("/api/v1/units/" + unit + "/years/" + year + "/budget/execution"), uy.execution());
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
        profiles.add(loadProfile.stopAndSummarise("budget-service during the bulk load"));
        long restartAt = System.nanoTime();
        suite.restart(Service.SCORING);
        long ready = System.nanoTime();
        Profiler drainProfile = Profiler.start(suite.pid(Service.SCORING), "scoring-drain", logs);
        long deadline = ready + TimeUnit.MINUTES.toNanos(30);
        long lastPrint = ready;
        while (scored.size() < unitYears && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(10)) {
                System.out.printf("  recomputation: %,d / %,d scored, %.0f s after ready%n", scored.size(), unitYears,
                        (System.nanoTime() - ready) / 1e9);
                lastPrint = System.nanoTime();
            }
        }
        profiles.add(drainProfile.stopAndSummarise("scoring-service during the recomputation"));
        watcher.stop();
        double loadSeconds = (loaded - start) / 1e9;
        double startSeconds = (ready - restartAt) / 1e9;
        double drainSeconds = Math.max(1e-3, (lastScoredAt.get() - ready) / 1e9);
        double rawRate = rawConsumeRate("budget-events");
        // the target: 100,000 unit-years in ≤ 5 min, i.e. ≥ 333 unit-years/s
        double loadRate = unitYears / loadSeconds;
        if (jobs != null) {
            row("1. load " + String.format("%,d", unitYears) + " unit-years as one bulk operation (import jobs of NDJSON, ≤ 3.5 MB each, "
                            + jobs.count() + " jobs; from the first line made to the last job finished)",
                    String.format("%.1f s (%.0f unit-years/s)", loadSeconds, loadRate),
                    String.format("the upload alone (POST of %.0f MB): %.1f s", jobs.bytes / 1e6, jobs.postNanos / 1e9),
                    "100,000 in ≤ 5 min (≥ 333/s)", met(loadRate >= 100_000 / 300.0, 100_000 / 300.0 / loadRate));
        } else {
            row("1. load " + String.format("%,d", unitYears) + " unit-years over HTTP (3 writes each, 16 clients)",
                    String.format("%.1f s (%.0f unit-years/s)", loadSeconds, loadRate), "",
                    "100,000 in ≤ 5 min (≥ 333/s), as one bulk operation", met(false, 100_000 / 300.0 / loadRate));
        }
        double overall = scored.size() / drainSeconds;
        String margin = tenthScoredAt.get() > 0 && ninetiethScoredAt.get() > tenthScoredAt.get()
                ? String.format("%.0f/s between 10 %% and 90 %%", (ninetieth - tenth) / ((ninetiethScoredAt.get() - tenthScoredAt.get()) / 1e9))
                : "n/a at the margin";
        row("2. recomputation with the events waiting in Kafka (scoring-service started after the load; scored "
                        + String.format("%,d", scored.size()) + " of " + String.format("%,d", unitYears) + ")",
                String.format("%.1f s from ready to the last score: %.0f unit-years/s overall, %s; first score %.1f s after ready "
                                + "(start-up to ready %.1f s)", drainSeconds, overall, margin,
                        firstScoredAt.get() == 0 ? Double.NaN : (firstScoredAt.get() - ready) / 1e9, startSeconds),
                String.format("a plain consumer reads budget-events at %.0f events/s", rawRate),
                "≥ 1,667/s (100,000 in ≤ 60 s)",
                scored.size() < unitYears ? "no: not every score within 30 min" : met(overall >= 1667, 1667 / overall));
    }

    // ---- 7. freshness ----------------------------------------------------------------------

    /** What the trace knows of one write: client times and the version the write made. */
    private record Write(String unit, long version, long okMicros, long reportMicros) {
    }

    /**
     * Traces writes end to end. {@code rate} 0: an idle suite, {@code count} writes one after the other, each
     * followed until the report shows it, then a 250 ms pause; otherwise {@code rate} writes/s for {@code count}
     * seconds, the report followed for one write a second (its polling is load of its own: each follower asks for
     * the report's JSON every 10 ms, and the report is made anew for each request; see docs/benchmarks.md).
     */
    private static final int IDLE_WRITES = 40;

    private void freshness(String label, int rate, int count, int pool, Stats kafkaBaseline) throws Exception {
        System.out.printf("Freshness %s: %s …%n", label, rate == 0 ? count + " writes one at a time" : rate + " writes/s for " + count + " s");
        // what the two topics say of each write: budget event by key:version → {occurredAt, record timestamp};
        // score events by key → budgetVersion → {occurredAt (computedAt), record timestamp, seen by this client}
        Map<String, long[]> budgetEvents = new ConcurrentHashMap<>();
        Map<String, java.util.concurrent.ConcurrentSkipListMap<Long, long[]>> scoreEvents = new ConcurrentHashMap<>();
        Watcher watcher = recordWatcher("bench-fresh-" + UUID.randomUUID(), List.of("budget-events", "score-events"), r -> {
            long seen = nowMicros();
            try {
                JsonNode e = json.readTree(r.value());
                long occurred = micros(e.path("occurredAt").asText());
                if (r.topic().equals("budget-events")) {
                    budgetEvents.putIfAbsent(r.key() + ":" + e.path("version").asLong(), new long[] {occurred, r.timestamp() * 1000});
                } else {
                    scoreEvents.computeIfAbsent(r.key(), k -> new java.util.concurrent.ConcurrentSkipListMap<>())
                            .putIfAbsent(e.path("budgetVersion").asLong(), new long[] {occurred, r.timestamp() * 1000, seen});
                }
            } catch (IOException | RuntimeException ignored) {
                // not an event of this trace
            }
        });
        List<Write> writes = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong failed = new AtomicLong();
        // the idle writes use units of their own, after the ones of the writes at a rate (when there are enough)
        boolean apart = pool > 2 * IDLE_WRITES;
        int offset = rate == 0 && apart ? pool - IDLE_WRITES : 0;
        int units = rate == 0 ? Math.min(IDLE_WRITES, pool) : apart ? pool - IDLE_WRITES : pool;
        java.util.Random random = new java.util.Random(rate == 0 ? 11 : 7);
        long start = System.nanoTime();
        if (rate == 0) {
            for (int i = 0; i < count; i++) {
                long[] w = writeExecution(offset + i % units, 1000 + random.nextInt(3000));
                if (w != null) {
                    String unit = SyntheticData.unitCode(offset + i % units);
                    writes.add(new Write(unit, w[0], w[1], awaitReport(unit, w[0])));
                } else {
                    failed.incrementAndGet();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
            }
        } else {
            // where scoring-service's time goes while the writes come at the rate (its hop dominated on 2026-11-30)
            Profiler profile = Profiler.start(suite.pid(Service.SCORING), "scoring-freshness", logs);
            java.util.concurrent.ExecutorService workers = Executors.newCachedThreadPool(daemon());
            int total = rate * count;
            long period = 1_000_000_000L / rate;
            for (int i = 0; i < total; i++) {
                long due = start + i * period;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                int unitIndex = offset + i % units;
                int amount = 1000 + random.nextInt(3000);
                boolean followReport = i % rate == 0;
                workers.execute(() -> {
                    long[] w = writeExecution(unitIndex, amount);
                    if (w != null) {
                        String unit = SyntheticData.unitCode(unitIndex);
                        writes.add(new Write(unit, w[0], w[1], followReport ? awaitReport(unit, w[0]) : 0));
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
            workers.shutdown();
            workers.awaitTermination(120, TimeUnit.SECONDS);
            profiles.add(profile.stopAndSummarise("scoring-service during the writes at " + rate + "/s"));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        // the watcher keeps reading until every write's score event has come (at most 60 s more)
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < waitUntil && !allScored(writes, scoreEvents)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        watcher.stop();
        Stats scoreSeen = new Stats();
        Stats reportSeen = new Stats();
        Stats[] hops = {new Stats(), new Stats(), new Stats(), new Stats(), new Stats()};
        int traced = 0;
        synchronized (writes) {
            for (Write w : writes) {
                String key = w.unit() + ":" + year;
                long[] budgetEvent = budgetEvents.get(key + ":" + w.version());
                var scores = scoreEvents.get(key);
                var score = scores == null ? null : scores.ceilingEntry(w.version());
                if (score != null) {
                    scoreSeen.add((score.getValue()[2] - w.okMicros()) * 1000);
                }
                if (w.reportMicros() > 0) {
                    reportSeen.add((w.reportMicros() - w.okMicros()) * 1000);
                }
                if (budgetEvent == null || score == null) {
                    continue;
                }
                traced++;
                long[] sc = score.getValue();
                hops[0].add((w.okMicros() - budgetEvent[0]) * 1000);
                hops[1].add((budgetEvent[1] - budgetEvent[0]) * 1000);
                hops[2].add((sc[0] - budgetEvent[1]) * 1000);
                hops[3].add((sc[1] - sc[0]) * 1000);
                if (w.reportMicros() > 0) {
                    hops[4].add((w.reportMicros() - sc[1]) * 1000);
                }
            }
        }
        double p99 = scoreSeen.percentile(99);
        int followed = rate == 0 ? writes.size() : (writes.size() + 4) / 5;
        row("7. freshness, " + label + ": write 2xx → score committed and relayed (score event seen by the benchmark)",
                scoreSeen.describe() + String.format(" (%d writes in %.1f s: %.1f writes/s, %d failed or unanswered in 60 s; "
                                + "the score of %d seen within 60 s of the last write)",
                        writes.size(), elapsed, writes.size() / elapsed, failed.get(), scoreSeen.count()),
                "Kafka produce→consume of a small record " + kafkaBaseline.describe(),
                "p99 ≤ 250 ms idle and at 50 writes/s",
                scoreSeen.count() == 0 ? "n/a" : scoreSeen.count() < writes.size()
                        ? String.format("**no**: %d writes without their score within 60 s", writes.size() - scoreSeen.count())
                        : met(p99 <= 250, p99 / 250));
        row("7. freshness, " + label + ": write 2xx → the report shows the new version (10 ms polling"
                        + (rate == 0 ? ")" : ", one write a second)"),
                reportSeen.describe() + String.format(" (%d of the %d writes followed shown within 30 s)", reportSeen.count(), followed),
                "", "", "");
        row("7. freshness, " + label + ": per hop, p50 / p99 in ms (" + traced + " writes traced; times from the events' "
                        + "occurredAt and the Kafka record timestamps)",
                "event made in the write's transaction → 2xx at the client " + hops[0].pair()
                        + "; → budget relay sends (outbox) " + hops[1].pair()
                        + "; budget relay → score computed (broker, scoring's poll, computation) " + hops[2].pair()
                        + "; score computed → score relay sends (scoring's commit, outbox) " + hops[3].pair()
                        + "; score relay → the report shows it (report's consumption, polling) " + hops[4].pair(),
                "", "", "");
    }

    private boolean allScored(List<Write> writes, Map<String, java.util.concurrent.ConcurrentSkipListMap<Long, long[]>> scoreEvents) {
        synchronized (writes) {
            for (Write w : writes) {
                var scores = scoreEvents.get(w.unit() + ":" + year);
                if (scores == null || scores.ceilingEntry(w.version()) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        };
    }

    /** PUTs a unit-year's execution; {version, 2xx time in µs}, or null when refused or not answered. */
    private long[] writeExecution(int unitIndex, int amount) {
        String unit = SyntheticData.unitCode(unitIndex);
        String body = "{\"amountUnit\":\"万元\",\"basicActual\":" + amount + ",\"projectActual\":500,"
                + "\"adjustmentIncrease\":10,\"adjustmentDecrease\":0,\"threePublicBudget\":12,\"threePublicActual\":1}";
        HttpResponse<String> r;
        try {
            r = send(HttpRequest.newBuilder(budget("/api/v1/units/" + unit + "/years/" + year + "/budget/execution"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        } catch (IllegalStateException e) {
            return null;   // no answer within 60 s: counted as a write that failed
        }
        long ok = nowMicros();
        if (r.statusCode() / 100 != 2) {
            return null;
        }
        return new long[] {Long.parseLong(r.headers().firstValue("ETag").orElse("\"0\"").replace("\"", "").replace("W/", "")), ok};
    }

    /** Polls the unit's report every 10 ms until it shows the budget version; when it did (µs), 0 if not in 30 s. */
    private long awaitReport(String unit, long version) {
        URI uri = report("/api/v1/units/" + unit + "/years/" + year + "/report?format=json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r;
            try {
                r = send(HttpRequest.newBuilder(uri).GET());
            } catch (IllegalStateException e) {
                return 0;
            }
            long at = nowMicros();
            if (r.statusCode() == 200) {
                try {
                    JsonNode doc = json.readTree(r.body());
                    if (doc.path("provenance").path("scoredBudgetVersion").asLong() >= version) {
                        return at;
                    }
                } catch (IOException e) {
                    return 0;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return 0;
    }

    private static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static long micros(String isoTime) {
        java.time.Instant t = java.time.OffsetDateTime.parse(isoTime).toInstant();
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    /**
     * "yes" or "no" with the factor: {@code factor} is the figure over the target for a figure that should be low,
     * the target over the figure for one that should be high (> 1: missed by that factor).
     */
    private static String met(boolean met, double factor) {
        if (Double.isNaN(factor) || Double.isInfinite(factor)) {
            return met ? "yes" : "no";
        }
        return met ? String.format("yes (%.1f × inside)", 1 / factor) : String.format("**no** (%.1f × off)", factor);
    }

    // ---- 3. read throughput ----------------------------------------------------------------

    private void reads(int unitYears) {
        System.out.println("Reads …");
        int countyUnits = Math.min(unitYears, SyntheticData.RANKED_COUNTY_UNITS);
        String unit = SyntheticData.unitCode(1);
        URI score = scoring("/api/v1/units/" + unit + "/years/" + year + "/score");
        URI trivial = scoring("/q/health/live");
        load(trivial, 5);   // warm-up pass, not counted
        load(score, 5);
        Load baseline = load(trivial, 10);
        // the same trivial work behind token verification and the access check: what any /api read pays
        Load authenticated = load(scoring("/api/v1/measures"), 10);
        Profiler readProfile = Profiler.start(suite.pid(Service.SCORING), "scoring-get-score", logs);
        Load scores = load(score, 10);
        profiles.add(readProfile.stopAndSummarise("scoring-service during the GET-score load"));
        double share = scores.rps / baseline.rps;
        row("3. GET a score (one unit-year, wrk 2 threads 16 connections, 10 s)", scores.describe(),
                "GET /q/health/live (no token): " + baseline.describe(),
                "≥ 50 % of the baseline", met(share >= 0.5, 0.5 / share) + String.format(": %.0f %%", 100 * share));
        row("3. GET /api/v1/measures (static list, bearer token verified), same run", authenticated.describe(),
                "GET /q/health/live (no token): " + baseline.describe(),
                "", String.format("%.0f %% of the baseline; the score read is %.0f %% of it", 100.0 * authenticated.rps / baseline.rps,
                        100.0 * scores.rps / authenticated.rps));
        URI ranking = scoring("/api/v1/counties/" + java.net.URLEncoder.encode(SyntheticData.RANKED_COUNTY, StandardCharsets.UTF_8)
                + "/years/" + year + "/ranking");
        HttpResponse<String> first = send(HttpRequest.newBuilder(ranking).GET());
        if (first.statusCode() == 200) {
            long ranked = -1;
            try {
                ranked = json.readTree(first.body()).path("total").asLong(-1);
            } catch (IOException ignored) {
                // the count stays unknown
            }
            load(ranking, 3);
            Profiler rankingProfile = Profiler.start(suite.pid(Service.SCORING), "scoring-ranking", logs);
            Load r = load(ranking, 10);
            profiles.add(rankingProfile.stopAndSummarise("scoring-service during the county ranking load"));
            double p99 = ms(r.p99);
            boolean ok = r.rps >= 500 && p99 <= 50;
            row("4. county ranking, " + countyUnits + " units (" + SyntheticData.RANKED_COUNTY + "; the ranking counts " + ranked
                            + "; first page of 50)", r.describe(), "GET /q/health/live (no token): " + baseline.describe(),
                    "≥ 500 req/s, p99 ≤ 50 ms", met(ok, Math.max(500 / r.rps, p99 / 50)));
        } else {
            row("4. county ranking", "n/a: the ranking answered " + first.statusCode(), "", "≥ 500 req/s, p99 ≤ 50 ms", "n/a");
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

    private void documents(int rate, int pool) throws InterruptedException {
        System.out.println("Documents …");
        DemoContext ctx = DemoContext.of(suite.url(Service.BUDGET), suite.url(Service.SCORING), suite.url(Service.REPORT), adminToken);
        Launcher.loadDemo(ctx);
        for (String format : List.of("html", "docx", "pdf")) {
            URI uri = report("/api/v1/units/" + DemoContext.UNIT_CODE + "/years/" + year + "/report?format=" + format);
            int status = statusOf(uri);
            if (status != 200) {
                row("5. " + format.toUpperCase() + " of the golden report", "n/a: answered " + (status < 0 ? "nothing within 60 s" : status),
                        "", "", "n/a");
                continue;
            }
            // idle means idle: the events of the demo load and of the previous format's writes are consumed first
            awaitConsumers("before the idle " + format.toUpperCase() + " timing", false);
            Stats idle = timeDocument(uri, 10, 50);
            // under the benchmark's load: budget writes at the configured rate, which report-service consumes
            // (their budget events and, after scoring, their score events) while it makes the documents
            BackgroundWriter writer = new BackgroundWriter(rate, pool);
            // the documents with a target are profiled while they are timed under load
            Profiler profile = format.equals("html") ? null : Profiler.start(suite.pid(Service.REPORT), "report-" + format, logs);
            Stats loaded = timeDocument(uri, 5, 50);
            if (profile != null) {
                profiles.add(profile.stopAndSummarise("report-service during the " + format.toUpperCase() + " timing under load"));
            }
            long written = writer.stop();
            double p50 = loaded.percentile(50);
            double target = switch (format) {
                case "docx" -> 100;
                case "pdf" -> 300;
                default -> Double.NaN;
            };
            row("5. " + format.toUpperCase() + " of the golden report, warm, one request at a time, while report-service consumes "
                            + "the events of " + rate + " writes/s (" + written + " writes while it ran)",
                    loaded.describe(), "the same, idle: " + idle.describe(),
                    Double.isNaN(target) ? "" : String.format("p50 ≤ %.0f ms under the benchmark's load", target),
                    Double.isNaN(target) ? "" : met(p50 <= target, p50 / target));
        }
        awaitConsumers("before the county batch", false);
        long t = System.nanoTime();
        int ok = 0;
        for (int i = 0; i < 1000; i++) {
            URI uri = report("/api/v1/units/" + SyntheticData.unitCode(i) + "/years/" + year + "/report?format=docx");
            if (statusOf(uri) == 200) {
                ok++;
            }
        }
        row("5. county batch of 1,000 DOCX (one request each, idle)", String.format("%.1f s (%d produced)", (System.nanoTime() - t) / 1e9, ok), "", "", "");
    }

    /**
     * Times GETs of a document one at a time; a request not answered 200 within 60 s is left out (and printed), and
     * the timing ends after 3 minutes whatever was timed by then (a suite that cannot keep up does not stall the run).
     */
    private Stats timeDocument(URI uri, int warmUp, int timed) {
        Stats s = new Stats();
        int failed = 0;
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        for (int i = 0; i < warmUp + timed; i++) {
            if (System.nanoTime() > giveUp) {
                System.out.printf("  (%s: timing stopped after 3 min, %d requests timed)%n", uri, s.count());
                break;
            }
            long t = System.nanoTime();
            int status = statusOf(uri);
            if (status != 200) {
                failed++;
            } else if (i >= warmUp) {
                s.add(System.nanoTime() - t);
            }
        }
        if (failed > 0) {
            System.out.printf("  (%d of %d requests of %s not answered 200 within 60 s, left out)%n", failed, warmUp + timed, uri);
        }
        return s;
    }

    /** The status of a GET, -1 when not answered within 60 s. */
    private int statusOf(URI uri) {
        try {
            return send(HttpRequest.newBuilder(uri).GET()).statusCode();
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    /** PUTs executions of the synthetic units at a fixed rate until stopped (the load of the document figures). */
    private final class BackgroundWriter {
        private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        private final AtomicLong written = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private final Semaphore inFlight = new Semaphore(200);
        private final Thread pacer;

        BackgroundWriter(int rate, int pool) {
            java.util.concurrent.ExecutorService workers = Executors.newCachedThreadPool(daemon());
            pacer = new Thread(() -> {
                long start = System.nanoTime();
                long period = 1_000_000_000L / Math.max(1, rate);
                java.util.Random random = new java.util.Random(3);
                for (long i = 0; running.get(); i++) {
                    long due = start + i * period;
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                    int unit = (int) (i % pool);
                    int amount = 1000 + random.nextInt(3000);
                    if (!inFlight.tryAcquire()) {
                        skipped.incrementAndGet();   // the suite does not keep up: the load stays bounded
                        continue;
                    }
                    workers.execute(() -> {
                        try {
                            if (writeExecution(unit, amount) != null) {
                                written.incrementAndGet();
                            }
                        } finally {
                            inFlight.release();
                        }
                    });
                }
                workers.shutdown();
                try {
                    workers.awaitTermination(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            pacer.setDaemon(true);
            pacer.start();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));   // the load is under way before the timing starts
        }

        /** Stops writing; how many writes succeeded. */
        long stop() {
            running.set(false);
            join(pacer);
            if (skipped.get() > 0) {
                System.out.printf("  (background writer: %d writes skipped, 200 were waiting for an answer)%n", skipped.get());
            }
            return written.get();
        }
    }

    // ---- 5. footprint ----------------------------------------------------------------------

    private void footprint() {
        System.out.println("Footprint and start-up …");
        List<String> times = new ArrayList<>();
        List<String> quarkus = new ArrayList<>();
        double slowest = 0;
        for (Service s : Service.values()) {
            long loadedRss = rssKb(suite.pid(s));
            suite.restart(s);
            double startup = suite.startupTime(s).toMillis() / 1000.0;
            slowest = Math.max(slowest, startup);
            times.add(String.format("%s %.1f s", s.module, startup));
            quarkus.add(s.module + " " + quarkusStartedIn(s));
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
            long idleRss = rssKb(suite.pid(s));
            row("footprint: " + s.module, String.format("RSS %d MB idle after a restart, %d MB after the load above",
                    idleRss / 1024, loadedRss / 1024), "", "", "");
        }
        row("6. start-up of one service (process start → /q/health/ready answers 200, polled every 100 ms; the others running)",
                String.join(", ", times),
                "the JVM alone (java -version): " + jvmStartMs() + " ms; Quarkus's own \"started in\": " + String.join(", ", quarkus),
                "≤ 4 s", met(slowest <= 4, slowest / 4) + " for the slowest");
    }

    /** The last "started in N s" Quarkus logged for the service (from its main method to listening). */
    private String quarkusStartedIn(Service s) {
        try {
            List<String> lines = Files.readAllLines(logs.resolve(s.module + ".log"), StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("started in ([0-9.]+)s").matcher(lines.get(i));
                if (m.find()) {
                    return m.group(1) + " s";
                }
            }
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
        return "n/a";
    }

    /** Wall time of {@code java -version} with the benchmark's JVM: the floor of any start-up. */
    private static long jvmStartMs() {
        try {
            long t = System.nanoTime();
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            return (System.nanoTime() - t) / 1_000_000;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
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
        return recordWatcher(group, List.of("score-events"), r -> {
            // the budget version without parsing the whole event: 100,000 of them pass here in the bulk figure
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

    /** A thread that reads the topics from now on and hands each record over; returns once it listens. */
    private Watcher recordWatcher(String group, List<String> topics,
                                  java.util.function.Consumer<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> listener)
            throws InterruptedException {
        CountDownLatch listening = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG, group,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
                c.subscribe(topics);
                while (c.assignment().isEmpty()) {
                    c.poll(Duration.ofMillis(50));
                }
                c.seekToEnd(c.assignment());
                c.assignment().forEach(c::position);
                listening.countDown();
                while (running.get()) {
                    c.poll(Duration.ofMillis(50)).forEach(listener);
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        if (!listening.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(String.join(", ", topics) + " consumer got no partitions within 60 s");
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
        return http.send(b);
    }

    private void row(String figure, String value, String baseline, String target, String met) {
        table.add(new String[] {figure, value, baseline, target, met});
        System.out.printf("  %s: %s %s%s%n", figure, value, baseline.isEmpty() ? "" : "(baseline: " + baseline + ")",
                met.isEmpty() ? "" : target.isEmpty() ? " — " + met : " — target " + target + ": " + met);
    }

    private void print(int unitYears, int rate, int seconds) {
        System.out.printf("%n| figure | measured | baseline (same run) | target | met |%n|---|---|---|---|---|%n");
        for (String[] r : table) {
            System.out.printf("| %s | %s | %s | %s | %s |%n", r[0], r[1], r[2], r[3], r[4]);
        }
        System.out.printf("%nunit-years %d, freshness %d writes/s for %d s (and %d writes one at a time), %d cores, Java %s; "
                        + "load average at the end %.1f%n", unitYears, rate, seconds, IDLE_WRITES,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println();
        StringBuilder all = new StringBuilder();
        for (String p : profiles) {
            System.out.println(p);
            all.append(p).append('\n');
        }
        try {
            Files.writeString(logs.resolve("profiles.txt"), all.toString(), StandardCharsets.UTF_8);
            System.out.println("Profiles (summaries and .jfr recordings) in " + logs);
        } catch (IOException e) {
            System.out.println("profiles not written: " + e.getMessage());
        }
    }

    /** A wrk latency figure in ms, NaN when there is none. */
    private static double ms(String figure) {
        try {
            return Double.parseDouble(figure.replace(",", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
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
