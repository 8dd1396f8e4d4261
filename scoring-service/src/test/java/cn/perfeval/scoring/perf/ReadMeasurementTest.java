package cn.perfeval.scoring.perf;

import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.DevTokens;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read figures of issue #18, printed, never asserted (timings on a shared machine vary): wrk
 * (2 threads, 16 connections, 15 s after a 5 s warm-up) against the test's port, in one run:
 * {@code GET /q/health/live} without a token (the baseline), {@code GET /api/v1/measures} with a
 * token, the score of a unit-year, and the ranking of a county of 500 scored units.
 * {@code -Dperfeval.measure=true} runs it; {@code -Dperfeval.jfr=true} also records the score reads
 * and the ranking reads with JFR (profile settings) into {@code target/score-read.jfr} and
 * {@code target/ranking-read.jfr}. Needs {@code wrk} on the PATH.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "perfeval.measure", matches = "true",
        disabledReason = "a measurement, not a test: mvn -pl scoring-service verify -Dperfeval.measure=true -Dtest=ReadMeasurementTest")
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ReadMeasurementTest {

    static final int RANKED_UNITS = 500;
    static final String COUNTY = "测量县";

    @Inject
    EntityManager em;

    long ranked() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM ranking_entry WHERE county = ?1").setParameter(1, COUNTY).getSingleResult()).longValue());
    }

    @Test
    void reads() throws Exception {
        String prefix = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                EmbeddedInfrastructure.kafka().bootstrapServers(), "linger.ms", 5), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RANKED_UNITS; i++) {
                String unit = prefix + String.format("%04d", i);
                p.send(new ProducerRecord<>("budget-events", unit + ":2024",
                        TestEvents.budgetEvent(unit, COUNTY, 1, TestEvents.GOLDEN_MEASURES)));
            }
            p.flush();
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).pollInSameThread()
                .until(() -> ranked() == RANKED_UNITS);

        String token = DevTokens.shared().admin();
        String base = "http://localhost:" + RestAssured.port;
        String score = "/api/v1/units/" + prefix + "0001/years/2024/score";
        String ranking = "/api/v1/counties/" + java.net.URLEncoder.encode(COUNTY, StandardCharsets.UTF_8).replace("+", "%20")
                + "/years/2024/ranking";
        int scoreBytes = body(base + score, token).length;
        int rankingBytes = body(base + ranking, token).length;
        System.out.printf("ReadMeasurementTest: score body %d bytes, ranking page body %d bytes (%d units)%n",
                scoreBytes, rankingBytes, RANKED_UNITS);

        String[] paths = {"/q/health/live", "/api/v1/measures", score, ranking};
        for (String path : paths) {
            wrk(base + path, path.startsWith("/q/") ? null : token, 5);
        }
        boolean jfr = Boolean.getBoolean("perfeval.jfr");
        for (String path : paths) {
            Recording recording = null;
            String name = path.equals(score) ? "score-read" : path.equals(ranking) ? "ranking-read" : null;
            if (jfr && name != null) {
                recording = new Recording(Configuration.getConfiguration("profile"));
                recording.start();
            }
            String out = wrk(base + path, path.startsWith("/q/") ? null : token, 15);
            if (recording != null) {
                recording.stop();
                Path file = Path.of("target", name + ".jfr");
                recording.dump(file);
                recording.close();
                System.out.println("ReadMeasurementTest: JFR of " + path + " in " + file.toAbsolutePath());
            }
            System.out.printf("ReadMeasurementTest: %-70s %s%n", path.length() > 70 ? path.substring(0, 70) : path, summary(out));
        }
        assertThat(ranked()).isEqualTo(RANKED_UNITS);
    }

    /** The body of a 200 answer (also checks the ranking is of the 500 units, not of an empty county). */
    static byte[] body(String url, String token) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        if (url.endsWith("/ranking")) {
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"total\":" + RANKED_UNITS + ",");
        }
        return r.body();
    }

    static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    static final Pattern P50 = Pattern.compile("\\s50%\\s+(\\S+)");
    static final Pattern P99 = Pattern.compile("\\s99%\\s+(\\S+)");
    static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    static String summary(String out) {
        return String.format("%s req/s, p50 %s, p99 %s%s", find(RATE, out), find(P50, out), find(P99, out),
                NON_2XX.matcher(out).find() ? ", NON-2XX: " + find(NON_2XX, out) : "");
    }

    static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : "?";
    }

    static String wrk(String url, String token, int seconds) throws Exception {
        ProcessBuilder pb = token == null
                ? new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency", url)
                : new ProcessBuilder("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency",
                "-H", "Authorization: Bearer " + token, url);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        Files.createDirectories(Path.of("target"));
        return out.toString();
    }
}
