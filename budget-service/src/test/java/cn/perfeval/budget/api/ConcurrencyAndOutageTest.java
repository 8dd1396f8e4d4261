package cn.perfeval.budget.api;

import cn.perfeval.budget.Golden;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class ConcurrencyAndOutageTest {

    static String unit() {
        String code = Golden.newCode();
        given().contentType(ContentType.JSON).body(Golden.unit()).put("/api/v1/units/" + code).then().statusCode(201);
        return code;
    }

    /** Starts the calls together and returns their HTTP statuses in call order. */
    static List<Integer> together(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWritesOnTheSameVersionOneIsRefusedNothingIsLost() throws Exception {
        String code = unit();
        String year = "/api/v1/units/" + code + "/years/2024";
        given().contentType(ContentType.JSON).body(Golden.staff()).put(year + "/budget/staff").then().statusCode(200).header("ETag", "\"1\"");

        // two editors read version 1 and write different tables at the same moment
        List<Integer> statuses = together(List.of(
                () -> given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Golden.expenditure())
                        .put(year + "/budget/expenditure").statusCode(),
                () -> given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Golden.revenue())
                        .put(year + "/budget/revenue").statusCode()));
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        JsonNode after = Golden.parse(given().get(year + "/budget").then().header("ETag", "\"2\"").extract().asString());
        boolean expenditureWon = statuses.get(0) == 200;
        assertThat(after.path("expenditure").size()).isEqualTo(expenditureWon ? 30 : 0);
        assertThat(after.path("revenue").size()).isEqualTo(expenditureWon ? 0 : 30);

        // the refused editor reads again and retries: both changes are kept
        String retryPath = expenditureWon ? "/budget/revenue" : "/budget/expenditure";
        String retryBody = expenditureWon ? Golden.revenue() : Golden.expenditure();
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(retryBody).put(year + retryPath)
                .then().statusCode(200).header("ETag", "\"3\"");
        JsonNode both = Golden.parse(given().get(year + "/budget").asString());
        assertThat(both.path("expenditure")).isEqualTo(Golden.rows("expenditureByFunction"));
        assertThat(both.path("revenue")).isEqualTo(Golden.rows("revenueByFunction"));
        assertThat(both.path("staff")).isEqualTo(Golden.CASE.path("staff"));

        // without If-Match, concurrent writers are serialised: every write gets its own version
        List<Integer> unconditional = together(List.of(
                () -> given().contentType(ContentType.JSON).body(Golden.budgetSummary()).put(year + "/budget/budget-summary").statusCode(),
                () -> given().contentType(ContentType.JSON).body(Golden.execution()).put(year + "/budget/execution").statusCode(),
                () -> given().contentType(ContentType.JSON).body(Examples.ADJUSTMENTS).put(year + "/budget/adjustments").statusCode()));
        assertThat(unconditional).containsExactly(200, 200, 200);
        JsonNode all = Golden.parse(given().get(year + "/budget").then().header("ETag", "\"6\"").extract().asString());
        assertThat(all.path("budgetSummary").path("revenueTotal").decimalValue()).isEqualByComparingTo("4988.65");
        assertThat(all.path("execution").path("basicActual").decimalValue()).isEqualByComparingTo("3553");
        assertThat(all.path("adjustments")).hasSize(2);
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndTheirEventsGoOutOnceInOrder() {
        String code = unit();
        String year = "/api/v1/units/" + code + "/years/2024";
        String key = code + ":2024";
        EmbeddedInfrastructure.kafka().stop();
        try {
            given().contentType(ContentType.JSON).body(Golden.staff()).put(year + "/budget/staff").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Golden.budgetSummary()).put(year + "/budget/budget-summary").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Golden.revenue()).put(year + "/budget/revenue").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Golden.expenditure()).put(year + "/budget/expenditure").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Golden.execution()).put(year + "/budget/execution").then().statusCode(200)
                    .header("ETag", "\"5\"");
        } finally {
            EmbeddedInfrastructure.kafka().start();
        }

        List<String> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("budget-events"));
            Runnable poll = () -> consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (key.equals(r.key())) {
                    events.add(r.value());
                }
            });
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                poll.run();
                return events.size() >= 5;
            });
            // and no duplicate follows
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> {
                poll.run();
                return events.size() == 5;
            });
        }
        List<Long> versions = events.stream().map(e -> Golden.parse(e).path("version").asLong()).toList();
        assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L);

        JsonNode last = Golden.parse(events.get(4));
        assertThat(last.path("staff")).isEqualTo(Golden.CASE.path("staff"));
        assertThat(last.path("unit").path("offices")).isEqualTo(Golden.CASE.path("department").path("offices"));
        assertThat(last.path("tables").path("expenditure")).isEqualTo(Golden.rows("expenditureByFunction"));
        assertThat(last.path("tables").path("revenue")).isEqualTo(Golden.rows("revenueByFunction"));
        assertThat(last.path("tables").path("budgetSummary").path("expenditureTotal").decimalValue()).isEqualByComparingTo("4988.65");
        List<String> rules = new ArrayList<>();
        last.path("findings").forEach(f -> rules.add(f.path("ruleId").asText()));
        assertThat(rules).containsExactly("BUD-HIER-001", "BUD-HIER-001", "BUD-XTAB-001", "BUD-EXE-002");
        assertThat(last.path("measures").path("adjustedBudget").decimalValue()).isEqualByComparingTo("5295.65");
        assertThat(last.path("execution").path("yearEndBalance").decimalValue()).isEqualByComparingTo("0");
        // the first event was written before any table: empty tables, no findings
        JsonNode first = Golden.parse(events.get(0));
        assertThat(first.path("tables").path("budgetSummary").isNull()).isTrue();
        assertThat(first.path("findings")).isEmpty();
    }
}
