package cn.perfeval.scoring.events;

import cn.perfeval.platform.kafka.RejectedEvent;
import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The consumer loop survives what used to end it: a commit that throws makes the service not ready,
 * with the reason, until the consumer is open again and scores the next event; an event whose
 * processing fails every attempt is set aside and the events behind it are scored.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ConsumerFailureTest {

    @Inject
    BudgetEventConsumer consumer;

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    static String event(String unit, String county) {
        return TestEvents.budgetEvent(unit, county, 1, TestEvents.GOLDEN_MEASURES);
    }

    @Test
    void aFailedCommitMakesTheServiceNotReadyUntilTheConsumerIsOpenAgain() {
        String first = TestEvents.newUnit();
        consumer.loop().failNextCommits(1);
        TestEvents.send(first + ":2024", event(first, "湘潭县"));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(given().get("/q/health/ready").then().statusCode(503).extract().asString())
                        .contains("budget-events consumer stopped: offset commit refused")
                        .contains("restarting in 5 s"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        String next = TestEvents.newUnit();
        TestEvents.send(next + ":2024", event(next, "湘潭县"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + next + "/years/2024/score").then().statusCode(200).body("budgetVersion", equalTo(1)));
        // the event whose offsets were not committed was consumed again: scored once, not lost
        given().get("/api/v1/units/" + first + "/years/2024/score/history").then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void anEventThatFailsEveryAttemptIsSetAsideAndTheNextIsScored() {
        // decodable and valid, but the database refuses it each time (the county is longer than its column)
        String failing = TestEvents.newUnit();
        String next = TestEvents.newUnit();
        // one key, so one partition: the next event waits behind the failing one until it is set aside
        TestEvents.send(failing + ":2024", event(failing, "湘".repeat(150)), event(next, "湘潭县"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/v1/units/" + next + "/years/2024/score").then().statusCode(200).body("budgetVersion", equalTo(1)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rejectedFor(failing + ":2024")).singleElement().asString()
                        .startsWith("processing failed 3 times: "));
        given().get("/api/v1/units/" + failing + "/years/2024/score").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @jakarta.transaction.Transactional
    List<String> rejectedFor(String key) {
        return RejectedEvent.<RejectedEvent>list("key", key).stream().map(r -> r.reason).toList();
    }
}
