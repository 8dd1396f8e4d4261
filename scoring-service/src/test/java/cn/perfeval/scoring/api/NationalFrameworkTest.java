package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The golden measures under the national common framework: complete explanations, gaps clearly marked. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class NationalFrameworkTest {

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    @Test
    void goldenMeasuresUnderTheNationalFramework() {
        String county = "国家框架县" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON).body("{\"systemCode\": \"national-common\", \"systemVersion\": 1}")
                .put("/api/v1/counties/" + county + "/years/2024/assignment").then().statusCode(200);
        String unit = TestEvents.newUnit();
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, county, 1, TestEvents.GOLDEN_MEASURES));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200));

        JsonPath r = given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                .body("result.systemCode", equalTo("national-common"))
                .body("complete", equalTo(false))
                .body("maxTotal", equalTo(100))
                .extract().jsonPath();
        List<Map<String, Object>> indicators = r.getList("result.indicators");
        assertThat(indicators).hasSize(28);
        assertThat(indicators).allSatisfy(i -> assertThat((String) i.get("explanation")).isNotBlank());
        Map<String, String> status = new java.util.LinkedHashMap<>();
        indicators.forEach(i -> status.put((String) i.get("code"), (String) i.get("status")));
        // computed from the golden figures
        assertThat(status).containsEntry("I21", "SCORED").containsEntry("P11", "SCORED").containsEntry("P12", "SCORED")
                .containsEntry("P17", "SCORED");
        // data budget-service does not have for the golden case
        assertThat(status).containsEntry("I22", "MISSING_DATA").containsEntry("I23", "MISSING_DATA")
                .containsEntry("P13", "MISSING_DATA").containsEntry("P18", "MISSING_DATA").containsEntry("P33", "MISSING_DATA")
                .containsEntry("O14", "MISSING_DATA");
        // judged ones await their evaluator
        assertThat(status).containsEntry("I11", "AWAITING_JUDGEMENT").containsEntry("P21", "AWAITING_JUDGEMENT")
                .containsEntry("E14", "AWAITING_JUDGEMENT");
        assertThat(status.values().stream().filter("AWAITING_JUDGEMENT"::equals).count()).isEqualTo(15);

        given().config(TestEvents.DECIMALS).get("/api/v1/units/" + unit + "/years/2024/score").then()
                // 125 / 136 = 91.91 % ≤ 100 % → full 4
                .body("result.indicators.find { it.code == 'I21' }.points", equalTo(4))
                .body("result.indicators.find { it.code == 'I21' }.displayValue", TestEvents.decimal("91.91"))
                // 4413 / 5295.65 = 83.33 %: 16.67 below 100, 4 started steps of 5 → 0 of 4
                .body("result.indicators.find { it.code == 'P11' }.points", equalTo(0))
                .body("result.indicators.find { it.code == 'P11' }.explanation",
                        equalTo("预算完成率 = 实际支出数 / 调整后预算数 × 100 = 4413 / 5295.65 × 100 = 83.33 %，低于 100 "
                                + "16.67，每 5 扣 1 分，扣 4 分，得 0 分"))
                // 6.15 % → (0, 10] → 2 of 3; 三公 0 % → 3 of 3
                .body("result.indicators.find { it.code == 'P12' }.points", equalTo(2))
                .body("result.indicators.find { it.code == 'P17' }.points", equalTo(3))
                .body("result.indicators.find { it.code == 'P18' }.explanation",
                        equalTo("政府采购执行率：缺少数据 政府采购实际金额、政府采购预算数，暂不能计算"))
                .body("result.indicators.find { it.code == 'E14' }.explanation", equalTo("社会公众或服务对象满意度：待评价人评分"))
                .body("total", equalTo(9))
                .body("result.groups.code", equalTo(List.of("I", "I1", "I2", "P", "P1", "P2", "P3", "O", "O1", "E", "E1")))
                .body("result.groups.find { it.code == 'P1' }.parent", equalTo("P"));
    }
}
