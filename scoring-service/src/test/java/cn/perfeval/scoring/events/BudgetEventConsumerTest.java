package cn.perfeval.scoring.events;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.platform.kafka.RejectedEvent;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class BudgetEventConsumerTest {

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    static String event(String unit, long version, String basicActual) {
        return """
                {"eventId": "%s", "type": "BudgetUnitYearChanged", "schemaVersion": 1,
                 "unitCode": "%s", "fiscalYear": 2024, "version": %d,
                 "unit": {"code": "%s", "name": "测试镇人民政府", "county": "湘潭县", "province": "湖南省"},
                 "amountUnit": "万元",
                 "measures": {"basicBudget": 3274.34, "basicActual": %s, "projectBudget": 1714.31, "projectActual": 860},
                 "futureField": "ignored"}
                """.formatted(UUID.randomUUID(), unit, version, unit, basicActual);
    }

    static void send(String key, String... values) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                EmbeddedInfrastructure.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (String v : values) {
                p.send(new ProducerRecord<>("budget-events", key, v));
            }
            p.flush();
        }
    }

    static String newUnit() {
        return "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    @Test
    void aBudgetEventIsScoredAndAnnounced() {
        String unit = newUnit();
        send(unit + ":2024", event(unit, 1, "3553"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                        .body("budgetVersion", equalTo(1))
                        .body("result.indicators.find { it.code == 'A2' }.points", equalTo(4))
                        .body("result.indicators.find { it.code == 'A2' }.displayValue", equalTo(108.51f))
                        .body("result.indicators.find { it.code == 'A3' }.points", equalTo(5)));

        List<String> scoreEvents = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "t-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("score-events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(unit + ":2024")) {
                        scoreEvents.add(r.value());
                    }
                });
                return !scoreEvents.isEmpty();
            });
        }
        assertThat(scoreEvents.get(0)).contains("\"type\":\"UnitYearScored\"").contains("\"budgetVersion\":1")
                .contains("3553 / 3274.34 × 100 = 108.51 %");
    }

    @Test
    void redeliveredDuplicatedAndOlderEventsChangeNothing() {
        String unit = newUnit();
        String key = unit + ":2024";
        // v2 arrives, then a duplicate of v2 and the older v1 (redelivery after a rebalance)
        send(key, event(unit, 2, "3400"), event(unit, 2, "3400"), event(unit, 1, "9999"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score/history").then().statusCode(200).body("items.size()", equalTo(1)));
        // v3 follows them on the same partition: once it is scored, the duplicate and the older
        // event have been consumed too, and the history shows they added nothing
        send(key, event(unit, 3, "3600"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200).body("budgetVersion", equalTo(3)));
        given().get("/api/v1/units/" + unit + "/years/2024/score/history").then().body("items.size()", equalTo(2))
                .body("items.budgetVersion", equalTo(List.of(2, 3)));
        given().get("/api/v1/units/" + unit + "/years/2024/score").then()
                .body("result.indicators.find { it.code == 'A2' }.measures.basicActual", equalTo(3600));
    }

    @Test
    void poisonEventsAreSetAsideAndTheConsumerMovesOn() {
        String unit = newUnit();
        String key = unit + ":2024";
        send(key, "{not json", "{\"type\": \"BudgetUnitYearChanged\", \"unitCode\": \"" + unit + "\"}",
                event(unit, 1, "3553"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200).body("budgetVersion", equalTo(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rejectedFor(key)).hasSize(2));
        assertThat(rejectedFor(key)).anyMatch(r -> r.startsWith("undecodable"))
                .anyMatch(r -> r.startsWith("invalid"));
    }

    @jakarta.transaction.Transactional
    List<String> rejectedFor(String key) {
        return RejectedEvent.<RejectedEvent>list("key", key).stream().map(r -> r.reason).toList();
    }

    @Test
    void unknownUnitHasNoScore() {
        given().get("/api/v1/units/NOPE/years/2024/score").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/units/NOPE/years/2024/score?system=nope").then().statusCode(400).body("errors[0].field", equalTo("system"));
    }
}
