package cn.perfeval.budget.events;

import cn.perfeval.budget.Golden;
import cn.perfeval.budget.TestAuth;
import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.EventCodec;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import cn.perfeval.testsupport.RecordedEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The golden case's BudgetUnitYearChanged as budget-service publishes it is the recording that
 * scoring-service and report-service consume in their tests: this test fails when the event
 * published now differs from the recording (-Devents.record=true writes it anew).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class RecordedEventTest {

    @Test
    void theGoldenCaseIsPublishedAsRecorded() throws Exception {
        String code = Golden.newCode();
        Golden.load(code);
        Golden.loadTargets(code);
        long version = Long.parseLong(TestAuth.given().get("/api/v1/units/" + code + "/years/2024/budget").then().statusCode(200)
                .extract().header("ETag").replace("\"", "").replace("W/", ""));
        String key = code + ":2024";
        AtomicReference<String> last = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("budget-events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        last.set(r.value());
                    }
                });
                return last.get() != null && last.get().contains("\"version\":" + version + ",");
            });
        }
        // what every consumer reads of it
        BudgetUnitYearChanged event = EventCodec.readBudgetEvent(last.get());
        assertThat(event.version()).isEqualTo(version);
        assertThat(event.unit().county()).isEqualTo("湘潭县");
        assertThat(event.measures()).containsKey("yearStartBudget");
        assertThat(event.findings()).isNotEmpty();
        // the targets, their progress and the monthly execution travel in the event
        assertThat(event.period()).isEqualTo(new BudgetUnitYearChanged.Period(true, 12));
        assertThat(event.targets().indicators()).hasSize(Golden.TARGETS.path("indicators").size());
        assertThat(event.targets().indicators().get(0).progress()).extracting(BudgetUnitYearChanged.TargetProgress::month)
                .containsExactly(7, 12);
        assertThat(event.monthlyExecution()).hasSize(12);
        assertThat(event.measures().get("totalActual")).isEqualByComparingTo("4413");
        RecordedEvents.assertRecorded(RecordedEvents.BUDGET, last.get(), code);
    }

    @Test
    void theTargetFileIsTheDemoFile() throws Exception {
        // the test copy of the golden unit's targets must be the demo's own file
        java.nio.file.Path demo = java.nio.file.Path.of("..", "deploy", "src", "main", "resources", "demo", "zhonglupu-2024-targets.json");
        java.nio.file.Path copy = java.nio.file.Path.of("src", "test", "resources", "golden", "zhonglupu-2024-targets.json");
        assertThat(java.nio.file.Files.readString(copy)).isEqualTo(java.nio.file.Files.readString(demo));
    }
}
