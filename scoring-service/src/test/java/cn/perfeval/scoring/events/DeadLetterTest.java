package cn.perfeval.scoring.events;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Poison records go to the dead-letter topic with why and where from, are counted, and the consumer moves on. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class DeadLetterTest {

    static double deadLetters() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^perfeval_dead_letters_total\\{[^}]*topic=\"budget-events\"[^}]*} ([0-9.eE+]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheNextEventIsScored() {
        String unit = TestEvents.newUnit();
        String key = unit + ":2024";
        double countedBefore = deadLetters();
        String undecodable = "{\"type\": \"BudgetUnitYearChanged\", \"unitCode\": ";
        String invalid = TestEvents.budgetEvent(unit, "死信县", 0, TestEvents.GOLDEN_MEASURES); // version 0
        String wrongType = "{\"type\": \"SomethingElse\", \"unitCode\": \"" + unit + "\"}";
        // a major version this consumer does not know, and newer: were it applied, version 1 would be skipped
        String unknownMajor = TestEvents.budgetEvent(unit, "死信县", 2, TestEvents.GOLDEN_MEASURES)
                .replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
        assertThat(unknownMajor).contains("\"schemaVersion\": 2");
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                EmbeddedInfrastructure.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> first = new ProducerRecord<>("budget-events", key, undecodable);
            first.headers().add("event-type", "BudgetUnitYearChanged".getBytes(StandardCharsets.UTF_8));
            p.send(first);
            p.send(new ProducerRecord<>("budget-events", key, invalid));
            p.send(new ProducerRecord<>("budget-events", key, wrongType));
            p.send(new ProducerRecord<>("budget-events", key, unknownMajor));
            p.send(new ProducerRecord<>("budget-events", key, TestEvents.budgetEvent(unit, "死信县", 1, TestEvents.GOLDEN_MEASURES)));
            p.flush();
        }

        TestAuth.asAdmin();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                            .body("budgetVersion", org.hamcrest.Matchers.equalTo(1)));
        } finally {
            TestAuth.anonymous();
        }

        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "t-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("budget-events.dead-letter"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        dead.add(r);
                    }
                });
                return dead.size() >= 4;
            });
        }
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(undecodable, invalid, wrongType, unknownMajor);
        assertThat(header(dead.get(0), "dead-letter-reason")).startsWith("undecodable");
        assertThat(header(dead.get(1), "dead-letter-reason")).startsWith("invalid").contains("positive version");
        assertThat(header(dead.get(2), "dead-letter-reason")).contains("unknown event type SomethingElse");
        assertThat(header(dead.get(3), "dead-letter-reason")).isEqualTo("invalid: schemaVersion 2 not supported; supported: 1");
        for (ConsumerRecord<String, String> r : dead) {
            assertThat(header(r, "dead-letter-source-topic")).isEqualTo("budget-events");
            assertThat(header(r, "dead-letter-consumer-group")).isEqualTo("scoring-service");
            assertThat(Integer.parseInt(header(r, "dead-letter-partition"))).isBetween(0, 5);
            assertThat(Long.parseLong(header(r, "dead-letter-offset"))).isNotNegative();
        }
        // the original headers travel with it; offsets are those of the poison records, in order
        assertThat(header(dead.get(0), "event-type")).isEqualTo("BudgetUnitYearChanged");
        assertThat(Long.parseLong(header(dead.get(1), "dead-letter-offset")))
                .isEqualTo(Long.parseLong(header(dead.get(0), "dead-letter-offset")) + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deadLetters()).isGreaterThanOrEqualTo(countedBefore + 4));
        System.out.printf("DeadLetterTest: %d dead letters checked on budget-events.dead-letter%n", dead.size());
    }
}
