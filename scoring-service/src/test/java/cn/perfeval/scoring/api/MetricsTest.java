package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /q/metrics is open and carries the pipeline's metrics. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class MetricsTest {

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double value(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(m.find()).as(name + " in /q/metrics").isTrue();
        return Double.parseDouble(m.group(2));
    }

    @Test
    void pipelineMetricsArePublished() {
        String before = metrics();
        for (String name : new String[]{"perfeval_outbox_backlog", "perfeval_outbox_oldest_age_seconds",
                "perfeval_consumer_lag", "perfeval_recomputations_total", "perfeval_dead_letters_total"}) {
            assertThat(value(before, name)).as(name).isGreaterThanOrEqualTo(0);
        }
        assertThat(before).contains("perfeval_dead_letters_total{topic=\"budget-events\"");
        double recomputations = value(before, "perfeval_recomputations_total");

        String unit = TestEvents.newUnit();
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, "指标县", 1, TestEvents.GOLDEN_MEASURES));
        TestAuth.asAdmin();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200));
        } finally {
            TestAuth.anonymous();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String after = metrics();
            assertThat(value(after, "perfeval_recomputations_total")).isGreaterThanOrEqualTo(recomputations + 1);
            // the event is consumed and its score event relayed: nothing is behind any more
            assertThat(value(after, "perfeval_consumer_lag")).isZero();
            assertThat(value(after, "perfeval_outbox_backlog")).isZero();
            assertThat(value(after, "perfeval_outbox_oldest_age_seconds")).isZero();
        });
    }
}
