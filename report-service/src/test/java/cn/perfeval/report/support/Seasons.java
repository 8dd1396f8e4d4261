package cn.perfeval.report.support;

import cn.perfeval.testsupport.EmbeddedInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.perfeval.report.support.Calls.TOKENS;
import static cn.perfeval.report.support.Calls.as;
import static cn.perfeval.report.support.Calls.asAdmin;
import static org.awaitility.Awaitility.await;

/** Units, seasons and task transitions for the season tests, over HTTP and Kafka as in production. */
public final class Seasons {

    public static final String NAME = "湘潭县中路铺镇人民政府";

    private Seasons() {
    }

    public static String newCounty() {
        return "季测县" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The golden budget event without its ERROR findings (so that it may be submitted). */
    public static ObjectNode cleanBudget(String unit, long version, String county) {
        ObjectNode b = GoldenCase.budgetEvent(unit, version, county, NAME);
        ArrayNode kept = b.arrayNode();
        b.path("findings").forEach(f -> {
            if (!"ERROR".equals(f.path("severity").asText())) {
                kept.add(f);
            }
        });
        b.set("findings", kept);
        return b;
    }

    /** Sends a budget event and the golden score event (93, 优) and waits until both are in the read model. */
    public static void unitWithData(String unit, String county, JsonNode budget, JsonNode score) {
        GoldenCase.send("budget-events", unit + ":2024", budget);
        if (score != null) {
            GoldenCase.send("score-events", unit + ":2024", score);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            asAdmin().queryParam("format", "json").get("/api/v1/units/{u}/years/2024/report", unit).then().statusCode(200)
                    .body("provenance.budgetVersion", org.hamcrest.Matchers.equalTo(budget.path("version").asInt()));
            if (score != null) {
                asAdmin().queryParam("format", "json").get("/api/v1/units/{u}/years/2024/report", unit).then()
                        .body("provenance.scoreVersion", org.hamcrest.Matchers.equalTo(score.path("version").asInt()));
            }
        });
    }

    public static JsonNode score(String unit, String county) {
        return GoldenCase.scoreEvent(unit, 1, 1, county, NAME, List.of(new java.math.BigDecimal("28"),
                new java.math.BigDecimal("19"), new java.math.BigDecimal("4"), new java.math.BigDecimal("42")));
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** Opens the county's 2024 season for these units (as admin), deadline given. */
    public static void open(String county, LocalDate deadline, String... units) {
        StringBuilder list = new StringBuilder();
        for (String u : units) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(u).append('"');
        }
        asAdmin().contentType("application/json")
                .body("{\"systemCode\": \"xiangtan-county\", \"deadline\": \"" + deadline + "\", \"deviationThreshold\": 5, "
                        + "\"unitCodes\": [" + list + "]}")
                .post("/api/v1/counties/{c}/years/2024/season", county).then().statusCode(201);
    }

    public static long version(String unit) {
        return asAdmin().get("/api/v1/units/{u}/years/2024/task", unit).then().statusCode(200).extract().jsonPath()
                .getLong("version");
    }

    /** A transition by this token with the task's current version as If-Match. */
    public static ValidatableResponse act(String token, String unit, String action, String comment) {
        return as(token).contentType("application/json").header("If-Match", "\"" + version(unit) + "\"")
                .body("{\"action\": \"" + action + "\"" + (comment == null ? "" : ", \"comment\": \"" + comment + "\"") + "}")
                .post("/api/v1/units/{u}/years/2024/task/transitions", unit).then();
    }

    public static String finance(String unit) {
        return TOKENS.finance(unit);
    }

    public static String evaluator(String county) {
        return TOKENS.evaluator(county);
    }

    /** The season events of a unit-year on the topic, waiting until at least {@code count} have arrived. */
    public static List<JsonNode> events(String unit, int count) {
        List<JsonNode> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", EmbeddedInfrastructure.kafka().bootstrapServers(),
                "group.id", "season-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("season-events"));
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < count && System.nanoTime() < until) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (r.key().equals(unit + ":2024")) {
                        try {
                            out.add(GoldenCase.JSON.readTree(r.value()));
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }
        return out;
    }
}
