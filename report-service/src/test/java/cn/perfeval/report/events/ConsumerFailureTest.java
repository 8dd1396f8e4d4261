package cn.perfeval.report.events;

import cn.perfeval.platform.kafka.RejectedEvent;
import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static cn.perfeval.report.support.Calls.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The consumer loop survives what used to end it: a commit that throws makes the service not ready,
 * with the reason, until the consumer is open again and applies the next event; an event whose
 * processing fails every attempt is set aside and the events behind it are applied.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class ConsumerFailureTest {

    @Inject
    EventConsumer consumer;

    static void reportExists(String unit) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                        .body("provenance.budgetVersion", equalTo(1)));
    }

    static String withNarrative(String unit) {
        asAdmin().contentType("application/json").body(GoldenCase.NARRATIVE.toString())
                .put("/api/v1/units/" + unit + "/years/2024/narrative").then().statusCode(200);
        return unit;
    }

    @Test
    void aFailedCommitMakesTheServiceNotReadyUntilTheConsumerIsOpenAgain() {
        String first = withNarrative(GoldenCase.newUnit());
        consumer.loop().failNextCommits(1);
        GoldenCase.send("budget-events", first + ":2024", GoldenCase.budgetEvent(first, 1));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(given().get("/q/health/ready").then().statusCode(503).extract().asString())
                        .contains("consumer stopped: offset commit refused")
                        .contains("restarting in 5 s"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        String next = withNarrative(GoldenCase.newUnit());
        GoldenCase.send("budget-events", next + ":2024", GoldenCase.budgetEvent(next, 1));
        reportExists(next);
        reportExists(first);
    }

    @Test
    void anEventThatFailsEveryAttemptIsSetAsideAndTheNextIsApplied() {
        // decodable and valid, but the database refuses it each time (the county is longer than its column)
        String failing = GoldenCase.newUnit();
        String next = withNarrative(GoldenCase.newUnit());
        int partition = GoldenCase.send("budget-events", failing + ":2024",
                GoldenCase.budgetEvent(failing, 1, "湘".repeat(150), "中路铺镇人民政府"));
        // on the same partition, behind the failing one
        GoldenCase.send("budget-events", partition, next + ":2024", GoldenCase.budgetEvent(next, 1).toString());

        reportExists(next);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(rejectedFor(failing + ":2024")).singleElement().asString()
                        .startsWith("processing failed 3 times: "));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @jakarta.transaction.Transactional
    List<String> rejectedFor(String key) {
        return RejectedEvent.<RejectedEvent>list("key", key).stream().map(r -> r.reason).toList();
    }
}
