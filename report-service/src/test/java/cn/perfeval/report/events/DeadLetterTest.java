package cn.perfeval.report.events;

import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.report.support.Metrics;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison records go to the dead-letter topic with their origin and reason, are counted, and do
 * not stop the consumer: the valid event after them reaches the read model.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class DeadLetterTest {

    record Poison(String topic, String key, byte[] value, String reasonStart) {
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheConsumerMovesOn() throws Exception {
        String metricsBefore = Metrics.scrape();
        double budgetBefore = Metrics.value(metricsBefore, "perfeval_dead_letters_total", "topic=\"budget-events\"");
        double scoreBefore = Metrics.value(metricsBefore, "perfeval_dead_letters_total", "topic=\"score-events\"");

        String unit = GoldenCase.newUnit();
        String key = unit + ":2024";
        List<Poison> poisons = List.of(
                new Poison("budget-events", key, new byte[]{(byte) 0xC3, (byte) 0x28, '{', '}'}, "undecodable: the value is not UTF-8"),
                new Poison("budget-events", key, "{\"type\": \"BudgetUnitYearChanged\", ".getBytes(StandardCharsets.UTF_8), "undecodable: "),
                new Poison("budget-events", key, "{\"type\": \"Nonsense\", \"unitCode\": \"X\"}".getBytes(StandardCharsets.UTF_8),
                        "invalid: type must be BudgetUnitYearChanged"),
                new Poison("budget-events", key, "[1, 2, 3]".getBytes(StandardCharsets.UTF_8), "invalid: not a JSON object"),
                new Poison("score-events", key, ("{\"type\": \"UnitYearScored\", \"schemaVersion\": 1, \"unitCode\": \"" + unit
                        + "\", \"fiscalYear\": 2024, \"version\": 1}").getBytes(StandardCharsets.UTF_8), "invalid: system.code is required"),
                // a major version this consumer does not know, on each topic; newer, so that applying it would show
                new Poison("budget-events", key, schemaVersion2(GoldenCase.budgetEvent(unit, 2).toString()),
                        "invalid: schemaVersion 2 not supported; supported: 1"),
                new Poison("score-events", key, schemaVersion2(GoldenCase.scoreEvent(unit, 2, 1).toString()),
                        "invalid: schemaVersion 2 not supported; supported: 1"));

        Map<Poison, RecordMetadata> sent = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                EmbeddedInfrastructure.kafka().bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Poison poison : poisons) {
                ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(poison.topic(), poison.key().getBytes(StandardCharsets.UTF_8),
                        poison.value());
                r.headers().add("event-type", "test-poison".getBytes(StandardCharsets.UTF_8));
                sent.put(poison, p.send(r).get());
            }
            // then valid events with the same key: same partition, behind the poison
            p.send(new ProducerRecord<>("budget-events", key.getBytes(StandardCharsets.UTF_8),
                    GoldenCase.budgetEvent(unit, 1).toString().getBytes(StandardCharsets.UTF_8))).get();
            p.send(new ProducerRecord<>("score-events", key.getBytes(StandardCharsets.UTF_8),
                    GoldenCase.scoreEvent(unit, 1, 1).toString().getBytes(StandardCharsets.UTF_8))).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                        .body("provenance.budgetVersion", org.hamcrest.Matchers.equalTo(1))
                        .body("provenance.scoreVersion", org.hamcrest.Matchers.equalTo(1)));

        // each poison record is on its dead-letter topic, original key, value and headers, with the reasons
        Map<String, ConsumerRecord<byte[], byte[]>> dead = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers",
                EmbeddedInfrastructure.kafka().bootstrapServers(), "enable.auto.commit", "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> tps = List.of(new TopicPartition("budget-events.dead-letter", 0),
                    new TopicPartition("score-events.dead-letter", 0));
            c.assign(tps);
            c.seekToBeginning(tps);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (key.equals(new String(r.key(), StandardCharsets.UTF_8))
                            && "report-service".equals(header(r, "dead-letter-consumer-group"))) {
                        dead.put(header(r, "dead-letter-source-topic") + "@" + header(r, "dead-letter-offset"), r);
                    }
                }
                return dead.size() == poisons.size();
            });
        }
        for (Map.Entry<Poison, RecordMetadata> s : sent.entrySet()) {
            Poison poison = s.getKey();
            ConsumerRecord<byte[], byte[]> r = dead.get(poison.topic() + "@" + s.getValue().offset());
            assertThat(r).as(poison.reasonStart()).isNotNull();
            assertThat(r.topic()).isEqualTo(poison.topic() + ".dead-letter");
            assertThat(r.value()).isEqualTo(poison.value());
            assertThat(header(r, "dead-letter-reason")).startsWith(poison.reasonStart());
            assertThat(header(r, "dead-letter-partition")).isEqualTo(Integer.toString(s.getValue().partition()));
            assertThat(header(r, "event-type")).isEqualTo("test-poison");
        }

        // counted, by source topic
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = Metrics.scrape();
            assertThat(Metrics.value(metrics, "perfeval_dead_letters_total", "topic=\"budget-events\""))
                    .isGreaterThanOrEqualTo(budgetBefore + 5);
            assertThat(Metrics.value(metrics, "perfeval_dead_letters_total", "topic=\"score-events\""))
                    .isGreaterThanOrEqualTo(scoreBefore + 2);
        });

        // and the group's committed offsets are past them
        RecordMetadata lastBudgetPoison = new ArrayList<>(sent.values()).get(3);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.kafka().bootstrapServers()))) {
            TopicPartition tp = new TopicPartition("budget-events", lastBudgetPoison.partition());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("report-service")
                        .partitionsToOffsetAndMetadata().get().get(tp);
                assertThat(committed).isNotNull();
                assertThat(committed.offset()).isGreaterThan(lastBudgetPoison.offset());
            });
        }
        System.out.println("DeadLetterTest: " + poisons.size() + " poison records checked on the dead-letter topics");
    }

    private static byte[] schemaVersion2(String event) {
        assertThat(event).contains("\"schemaVersion\":1");
        return event.replace("\"schemaVersion\":1", "\"schemaVersion\":2").getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
