package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Dashboard views of a county, and a unit-year's result as of a given time. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class CountyViewsTest {

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    static final String SELF_EVALUATION = "{\"systemCode\": \"self-evaluation-2020\", \"systemVersion\": 1}";

    static String unitWithExecution(String county, String actual, String judged) {
        String unit = TestEvents.newUnit();
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, county, 1,
                "{\"totalActual\": " + actual + ", \"adjustedBudget\": 100}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200));
        for (String code : new String[]{"Y1", "Z1", "S1"}) {
            given().contentType(ContentType.JSON)
                    .body("{\"deduction\": " + judged + ", \"reason\": \"测试\", \"by\": \"评价组\"}")
                    .put("/api/v1/units/" + unit + "/years/2024/judgements/self-evaluation-2020/" + code).then().statusCode(200);
        }
        return unit;
    }

    @Test
    void rankingWithGroupSubtotalsAndDistribution() {
        String county = "排名县" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON).body(SELF_EVALUATION).put("/api/v1/counties/" + county + "/years/2024/assignment")
                .then().statusCode(200);
        // execution 10 × rate; judged groups lose 0, 5 or 15 points each
        String best = unitWithExecution(county, "100", "0");   // 10 + 50 + 30 + 10 = 100
        String middle = unitWithExecution(county, "80", "5");  // 8 + 45 + 25 + 5 = 83
        String worst = unitWithExecution(county, "50", "10");  // 5 + 40 + 20 + 0 = 65

        given().config(TestEvents.DECIMALS).get("/api/v1/counties/" + county + "/years/2024/ranking").then().statusCode(200)
                .body("system.systemCode", equalTo("self-evaluation-2020"))
                .body("groups.code", equalTo(List.of("X", "Y", "Z", "S")))
                .body("items.unitCode", equalTo(List.of(best, middle, worst)))
                .body("items.rank", equalTo(List.of(1, 2, 3)))
                .body("items.total", equalTo(List.of(100, 83, 65)))
                .body("items.grade", equalTo(List.of("优", "良", "中")))
                .body("items[1].groups.X", equalTo(8))
                .body("items[1].groups.Y", equalTo(45))
                .body("items[2].groups.S", equalTo(0))
                .body("distribution.count", equalTo(3))
                .body("distribution.byGrade.grade", equalTo(List.of("优", "良", "中", "差")))
                .body("distribution.byGrade.count", equalTo(List.of(1, 1, 1, 0)))
                .body("distribution.mean", TestEvents.decimal("82.67"))
                .body("distribution.median", equalTo(83));
        given().get("/api/v1/counties/" + county + "/years/2024/ranking?system=xiangtan-county").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("distribution.count", equalTo(0));
        given().get("/api/v1/counties/" + county + "/years/2024/ranking?system=nope").then().statusCode(400)
                .body("errors[0].field", equalTo("system"));
    }

    @Test
    void theResultAsOfAGivenTime() {
        String county = "时点县" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON).body(SELF_EVALUATION).put("/api/v1/counties/" + county + "/years/2024/assignment")
                .then().statusCode(200);
        String unit = TestEvents.newUnit();
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, county, 1, "{\"totalActual\": 50, \"adjustedBudget\": 100}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200));
        String firstAt = given().get("/api/v1/units/" + unit + "/years/2024/score").then().extract().path("computedAt");
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, county, 2, "{\"totalActual\": 90, \"adjustedBudget\": 100}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().body("budgetVersion", equalTo(2)));
        String secondAt = given().get("/api/v1/units/" + unit + "/years/2024/score").then().extract().path("computedAt");
        assertThat(OffsetDateTime.parse(secondAt)).isAfter(OffsetDateTime.parse(firstAt));

        given().queryParam("asOf", firstAt).get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                .body("budgetVersion", equalTo(1)).body("total", equalTo(5));
        given().queryParam("asOf", secondAt).get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                .body("budgetVersion", equalTo(2)).body("total", equalTo(9));
        given().queryParam("asOf", OffsetDateTime.parse(firstAt).minusSeconds(1).toString())
                .get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(404);
        // an offset other than Z, and a '+' that arrived unencoded as a space
        String inShanghai = OffsetDateTime.parse(secondAt).atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime().toString();
        given().queryParam("asOf", inShanghai).get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                .body("budgetVersion", equalTo(2));
        given().urlEncodingEnabled(false).get("/api/v1/units/" + unit + "/years/2024/score?asOf=" + inShanghai.replace("+", "%20"))
                .then().statusCode(200).body("budgetVersion", equalTo(2));
        given().queryParam("asOf", "yesterday").get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().get("/api/v1/units/" + unit + "/years/2024/score/history").then().body("items.budgetVersion", equalTo(List.of(1, 2)));
    }
}
