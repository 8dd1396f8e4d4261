package cn.perfeval.scoring.events;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Redelivered, reordered and duplicated budget events, with a restart of the consumer in the
 * middle of the stream, leave exactly the result that one in-order delivery gives.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class OrderingAndRestartTest {

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    @Inject
    BudgetEventConsumer consumer;

    static String measures(int v) {
        return """
                {"yearStartBudget": 4988.65, "adjustmentNet": %d, "basicBudget": 3274.34, "basicActual": %d,
                 "projectBudget": 1714.31, "projectActual": 860, "yearEndBalance": 0,
                 "threePublicBudget": 12, "threePublicActual": %d}""".formatted(100 * v, 3200 + 100 * v, 11 + v);
    }

    static String event(String unit, int v) {
        return TestEvents.budgetEvent(unit, "湘潭县", v, measures(v));
    }

    /** The stored result, without the time each unit's judgement was recorded (the one thing that differs by design). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> result(String unit) {
        Map<String, Object> r = given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200).extract().path("result");
        for (Map<String, Object> i : (List<Map<String, Object>>) r.get("indicators")) {
            if (i.get("judgement") instanceof Map<?, ?> j) {
                ((Map<String, Object>) j).remove("at");
            }
        }
        return r;
    }

    @Test
    void disorderDuplicatesAndARestartLeaveTheInOrderResult() throws Exception {
        String reference = TestEvents.newUnit();
        String unit = TestEvents.newUnit();
        for (String u : List.of(reference, unit)) {
            given().contentType(ContentType.JSON).body("{\"points\": 40, \"reason\": \"基本完成\", \"by\": \"评价组\"}")
                    .put("/api/v1/units/" + u + "/years/2024/judgements/xiangtan-county/D1").then().statusCode(200);
        }
        TestEvents.send(reference + ":2024", event(reference, 1), event(reference, 2), event(reference, 3), event(reference, 4));

        String key = unit + ":2024";
        TestEvents.send(key, event(unit, 2), event(unit, 1), event(unit, 2), event(unit, 3));
        consumer.restart();
        TestEvents.send(key, event(unit, 1), event(unit, 3), event(unit, 4), event(unit, 2), event(unit, 4));
        consumer.restart();
        TestEvents.send(key, event(unit, 3));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().get("/api/v1/units/" + reference + "/years/2024/score").then().statusCode(200).body("budgetVersion", equalTo(4));
            given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200).body("budgetVersion", equalTo(4));
        });
        // a marker after everything on the same partition: once it is scored, every earlier record was consumed
        TestEvents.send(key, TestEvents.budgetEvent(unit, "湘潭县", 5, measures(4)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().body("budgetVersion", equalTo(5)));

        Map<String, Object> expected = result(reference);
        Map<String, Object> actual = result(unit);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.get("indicators").toString()).contains("3600 / 3274.34").contains("基本完成");
        assertThat(expected.get("total")).isEqualTo(given().get("/api/v1/units/" + reference + "/years/2024/score").then().extract().path("total"));
        // every applied version once, in order: nothing older or repeated was ever applied (a version
        // superseded by a newer one of the same unit-year in the same poll is not applied at all)
        List<Integer> versions = given().get("/api/v1/units/" + unit + "/years/2024/score/history").then().extract().path("items.budgetVersion");
        assertThat(versions).isSorted().doesNotHaveDuplicates().endsWith(4, 5);
        List<Integer> inOrder = given().get("/api/v1/units/" + reference + "/years/2024/score/history").then().extract().path("items.budgetVersion");
        assertThat(inOrder).isSorted().doesNotHaveDuplicates().endsWith(4).isSubsetOf(1, 2, 3, 4);
    }
}
