package cn.perfeval.scoring.perf;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.scoring.api.ScoreResource;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.testsupport.DevTokens;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A repeatable measurement of the two figures of issue #7, printed, never asserted (timings on a
 * shared machine vary): bulk recomputation of unit-years from budget events end to end, and the
 * throughput of score reads beside that of a trivial authenticated endpoint in the same run.
 * Skipped in the normal test run; {@code -Dperfeval.measure=true} runs it (surefire passes system
 * properties through to the test JVM).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "perfeval.measure", matches = "true",
        disabledReason = "a measurement, not a test: mvn -pl scoring-service verify -Dperfeval.measure=true -Dtest=ThroughputMeasurementTest")
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ThroughputMeasurementTest {

    /** 400 unless -Dperfeval.measure.unit-years=N: a larger N gives the rate at the margin beside a run of 400. */
    static final int UNIT_YEARS = Integer.getInteger("perfeval.measure.unit-years", 400);
    static final int VERSIONS_PER_UNIT_YEAR = 2;
    static final int READS = 2000;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    long scored(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM budget_snapshot WHERE unit_code LIKE ?1 AND version = ?2")
                .setParameter(1, prefix + "%").setParameter(2, VERSIONS_PER_UNIT_YEAR).getSingleResult()).longValue());
    }

    @Test
    void bulkRecomputationAndScoreReads() {
        String prefix = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                EmbeddedInfrastructure.kafka().bootstrapServers(), "linger.ms", 5), new StringSerializer(), new StringSerializer())) {
            for (int v = 1; v <= VERSIONS_PER_UNIT_YEAR; v++) {
                for (int i = 0; i < UNIT_YEARS; i++) {
                    String unit = prefix + String.format("%04d", i);
                    p.send(new ProducerRecord<>("budget-events", unit + ":2024",
                            TestEvents.budgetEvent(unit, "性能县", v, TestEvents.GOLDEN_MEASURES)));
                }
            }
            p.flush();
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).pollInSameThread()
                .until(() -> scored(prefix) == UNIT_YEARS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("ThroughputMeasurementTest: %d unit-years x %d versions (%d events) applied in %.1f s: "
                        + "%.1f unit-years/s, %.1f events/s%n", UNIT_YEARS, VERSIONS_PER_UNIT_YEAR,
                UNIT_YEARS * VERSIONS_PER_UNIT_YEAR, seconds, UNIT_YEARS / seconds,
                UNIT_YEARS * VERSIONS_PER_UNIT_YEAR / seconds);

        String token = DevTokens.shared().admin();
        String scorePath = "/api/v1/units/" + prefix + "0001/years/2024/score";
        TestAuth.given(token).get(scorePath).then().statusCode(200);
        double trivial = 0;
        double scores = 0;
        for (int round = 0; round < 3; round++) {
            trivial = Math.max(trivial, rate(token, "/api/v1/measures"));
            scores = Math.max(scores, rate(token, scorePath));
        }
        System.out.printf("ThroughputMeasurementTest: score reads %.0f req/s, trivial endpoint (GET /api/measures) "
                + "%.0f req/s: %.0f %% of it (java.net.http, %d threads, best of three rounds of %d requests)%n",
                scores, trivial, 100 * scores / trivial, THREADS, READS);

        // the part of a score read this change removed: parsing the stored result and writing it again
        ScoreRecord stored = QuarkusTransaction.requiringNew().call(() ->
                ScoreRecord.current(prefix + "0001", 2024, "xiangtan-county").orElseThrow());
        double reserialise = perRead(() -> mapper.writeValueAsString(new ReparsedView(stored.unitCode, stored.fiscalYear,
                stored.seq, stored.total, mapper.readValue(stored.result, ScoreResult.class))));
        double raw = perRead(() -> mapper.writeValueAsString(new ScoreResource.ScoreView(stored.unitCode,
                stored.fiscalYear, stored.seq, stored.budgetVersion, stored.computedAt, stored.total, stored.maxTotal,
                stored.grade, stored.complete, stored.result, "SCORED", "已计分", null,
                cn.perfeval.scoring.domain.ScoreBasis.YEAR_END)));
        System.out.printf("ThroughputMeasurementTest: response body of a score read (%d bytes of result): "
                + "parse and write again %.1f µs, stored JSON as is %.1f µs%n", stored.result.length(), reserialise, raw);
        assertThat(scored(prefix)).isEqualTo(UNIT_YEARS);
    }

    /** How a score read answered before: the stored result parsed and written again. */
    record ReparsedView(String unitCode, int fiscalYear, long version, java.math.BigDecimal total, ScoreResult result) {
    }

    interface Work {
        Object run() throws Exception;
    }

    /** Mean microseconds of one run, after a warm-up. */
    static double perRead(Work work) {
        try {
            for (int i = 0; i < 2000; i++) {
                work.run();
            }
            int n = 5000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                work.run();
            }
            return (System.nanoTime() - start) / 1e3 / n;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final int THREADS = 4;

    /** Requests per second of GET path with {@link #THREADS} concurrent clients of one HTTP/1.1 client. */
    static double rate(String token, String path) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).GET().build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < READS / THREADS; i++) {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(path + " answered " + r.statusCode());
                        }
                    }
                    return READS / THREADS;
                });
            }
            long start = System.nanoTime();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                f.get();
            }
            return READS / ((System.nanoTime() - start) / 1e9);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
