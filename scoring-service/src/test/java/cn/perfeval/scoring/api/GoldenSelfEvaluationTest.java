package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.RecordedEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static cn.perfeval.scoring.TestEvents.decimal;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * The golden unit's recorded year-end budget event (budget-service's recording, with its 2024 target
 * table and year-end actuals) scored under self-evaluation-2020 version 2, from its targets. By hand:
 * <pre>
 * X1 预算执行率  4413 / 5295.65 = 83.3325 %  → 10 × 83.3325 / 100 = 8.33
 * Y1 产出 (weights 7+6+6+6+5+5+5+5+5 = 50: each share is its weight)
 *    CC-01 医保参保   41851 of 42906 (越大越好)  7 × 41851 / 42906 = 6.8279 → 6.83
 *    CC-02 养老参保   34077 ≥ 33807                  6
 *    CC-03 城镇就业   315 = 315                      6
 *    CC-04 农村就业   292 ≥ 265                      6
 *    CC-05 改厕       55 = 55                        5
 *    CC-06 两癌筛查   750 ≥ 682                      5
 *    CC-07 优待证     90 of 100                      5 × 90 / 100 = 4.5
 *    CC-08 危房改造   100 = 100                      5
 *    CC-09 三公经费   0 ≤ 12 (越小越好)              5
 *    sum 6.8279 + 6 + 6 + 6 + 5 + 5 + 4.5 + 5 + 5 = 49.3279 → 49.33
 * Z1 效益 (10+10+5+5 = 30)
 *    XY-01 财政总收入 4412.8 ≥ 4300                  10
 *    XY-02 早稻播种   24030.29 ≥ 24000               10
 *    XY-03 人居环境   达成 90 %                      5 × 90 % = 4.5
 *    XY-04 防返贫     达成 85 %                      5 × 85 % = 4.25
 *    sum 28.75
 * S1 满意度  MY-01 群众满意度 93 ≥ 90                10
 * total 8.33 + 49.33 + 28.75 + 10 = 96.41, 优
 * </pre>
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class GoldenSelfEvaluationTest {

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    @Test
    void theGoldenUnitUnderSelfEvaluationVersionTwoFromItsTargets() throws Exception {
        String unit = TestEvents.newUnit();
        // the recorded event in a county of its own, assigned version 2 (湘潭县 keeps the county template)
        String county = "自评县" + UUID.randomUUID().toString().substring(0, 6);
        ObjectMapper json = new ObjectMapper();
        ObjectNode event = (ObjectNode) json.readTree(RecordedEvents.read(RecordedEvents.BUDGET, unit));
        ((ObjectNode) event.path("unit")).put("county", county);
        given().contentType(ContentType.JSON).body("{\"systemCode\": \"self-evaluation-2020\", \"systemVersion\": 2}")
                .put("/api/v1/counties/" + county + "/years/2024/assignment").then().statusCode(200);
        TestEvents.send(unit + ":2024", json.writeValueAsString(event));
        String score = "/api/v1/units/" + unit + "/years/2024/score";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(score).then().statusCode(200));

        String y1 = "result.indicators.find { it.code == 'Y1' }";
        String z1 = "result.indicators.find { it.code == 'Z1' }";
        given().config(TestEvents.DECIMALS).get(score).then().statusCode(200)
                .body("result.systemCode", equalTo("self-evaluation-2020"))
                .body("result.systemVersion", equalTo(2))
                .body("total", decimal("96.41"))
                .body("grade", equalTo("优"))
                .body("complete", equalTo(true))
                .body("basis.projected", equalTo(false))
                .body("basis.label", equalTo("年终得分"))
                .body("basis.missing", equalTo(List.of()))
                .body("result.groups.code", equalTo(List.of("X", "Y", "Z", "S")))
                .body("result.groups[0].points", decimal("8.33"))
                .body("result.groups[1].points", decimal("49.33"))
                .body("result.groups[2].points", decimal("28.75"))
                .body("result.groups[3].points", decimal("10"))
                .body(y1 + ".status", equalTo("SCORED"))
                .body(y1 + ".targets.code", equalTo(List.of("CC-01", "CC-02", "CC-03", "CC-04", "CC-05", "CC-06",
                        "CC-07", "CC-08", "CC-09")))
                .body(y1 + ".targets.points", contains(decimal("6.83"), decimal("6"), decimal("6"), decimal("6"),
                        decimal("5"), decimal("5"), decimal("4.5"), decimal("5"), decimal("5")))
                .body(y1 + ".targets[0].explanation", equalTo("城乡居民医疗保险参保人数：目标值 42906 人（越大越好），"
                        + "实际完成 41851 人，未达目标，按实际/目标 × 分值计 6.83 分（分值 7 分）"))
                .body(y1 + ".targets[8].explanation", equalTo("“三公”经费支出：目标值 12 万元（越小越好），实际完成 0 万元，"
                        + "优于目标（低于目标值），得满分 5 分"))
                .body(y1 + ".explanation", equalTo("产出指标：产出类绩效目标 9 个，各目标得分合计 49.33 分（满分 50 分）"))
                .body(z1 + ".targets.points", contains(decimal("10"), decimal("10"), decimal("4.5"), decimal("4.25")))
                .body(z1 + ".targets[3].achievement", equalTo("达成"))
                .body(z1 + ".targets[3].explanation", org.hamcrest.Matchers.containsString(
                        "评定为达成（80%–100%），按 85% × 分值 5 分计 4.25 分"))
                .body("result.indicators.find { it.code == 'S1' }.targets[0].points", decimal("10"));
    }
}
