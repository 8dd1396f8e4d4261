package cn.perfeval.scoring.events;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The projected score through Kafka, under self-evaluation-2020 version 2 (产出/效益/满意度 from the
 * targets): months 1–6 without year-end actuals give a projected score, marked in GET score, the
 * history, the ranking and the score event; month 7 arrives and the projected score changes; the
 * year-end actuals arrive and the score is no longer projected.
 *
 * <p>Targets (weights 7, 5, 5 → 产出 50 × 7/17 = 20.588…, 50 × 5/17 = 14.705… each; 效益 one target, 30;
 * 满意度 one target, 10). Adjusted budget 5295.65.
 * <ul>
 * <li>June: spent 1687.68 + 232.2 = 1919.88 → 36.2539 % → X1 = 10 × 36.2539 / 100 = 3.63. CC-01 39000 of
 * 42906 → 20.588… × 39000 / 42906 = 18.714…; CC-09 0 ≤ 12 → 14.705…; CC-08 no actual. Y1 = 18.714 + 14.706
 * = 33.42 (MISSING_DATA); Z1, S1 no actual → 0. Total 3.63 + 33.42 = 37.05.</li>
 * <li>July: spent 1971.92 + 292.4 = 2264.32 → 42.7581 % → X1 4.28. CC-01 40236 → 19.307…; Y1 = 34.01.
 * Total 38.29.</li>
 * <li>Year-end: 3553 + 860 = 4413 → 83.33 % → X1 8.33. CC-01 41851 → 20.082…; CC-08 100 of 100 → 14.705…;
 * Y1 = 20.082 + 14.706 + 14.706 = 49.49. Z1 达成 90 % × 30 = 27; S1 93 ≥ 90 → 10. Total 94.82, 优.</li>
 * </ul>
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ProjectedScoreTest {

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    static final String MEASURES = """
            {"yearStartBudget": 4988.65, "adjustedBudget": 5295.65, "basicBudget": 3274.34, "projectBudget": 1714.31,
             "basicActual": %s, "projectActual": %s, "totalActual": %s}""";

    /** Progress entries of a target: "month:value" pairs, or a qualitative "12:达成:90". */
    static String progress(String... entries) {
        StringBuilder sb = new StringBuilder("[");
        for (String e : entries) {
            String[] p = e.split(":");
            sb.append(sb.length() > 1 ? "," : "").append(p.length == 3
                    ? "{\"month\": %s, \"achievement\": \"%s\", \"achievementPercent\": %s, \"actualText\": \"垃圾分类体系运行\", \"by\": \"填报人\"}"
                    .formatted(p[0], p[1], p[2])
                    : "{\"month\": %s, \"actualValue\": %s, \"by\": \"填报人\", \"at\": \"2024-07-31T10:00:00+08:00\"}"
                    .formatted(p[0], p[1]));
        }
        return sb.append("]").toString();
    }

    static String targets(String cc01, String cc09, String cc08, String xy03, String my01) {
        return """
                {"overallGoal": "完成年度重点工作",
                 "indicators": [
                  {"code": "CC-01", "level1": "产出", "level2": "数量", "name": "城乡居民医疗保险参保人数", "unitOfMeasure": "人",
                   "targetValue": 42906, "direction": "越大越好", "weight": 7, "progress": %s},
                  {"code": "CC-09", "level1": "产出", "level2": "成本", "name": "“三公”经费支出", "unitOfMeasure": "万元",
                   "targetValue": 12, "direction": "越小越好", "weight": 5, "progress": %s},
                  {"code": "CC-08", "level1": "产出", "level2": "时效", "name": "危房改造按期完工率", "unitOfMeasure": "%%",
                   "targetValue": 100, "direction": "越大越好", "weight": 5, "progress": %s},
                  {"code": "XY-03", "level1": "效益", "level2": "生态效益", "name": "农村人居环境持续改善",
                   "targetText": "垃圾分类体系运行", "direction": "定性", "weight": 5, "progress": %s},
                  {"code": "MY-01", "level1": "满意度", "level2": "服务对象满意度", "name": "群众满意度", "unitOfMeasure": "%%",
                   "targetValue": 90, "direction": "越大越好", "weight": 10, "progress": %s}]}"""
                .formatted(cc01, cc09, cc08, xy03, my01);
    }

    static String months(int last) {
        String[][] all = {{"266.48", "17.2"}, {"550.72", "43"}, {"834.96", "77.4"}, {"1119.2", "120.4"}, {"1403.44", "172"},
                {"1687.68", "232.2"}, {"1971.92", "292.4"}, {"2256.16", "361.2"}, {"2540.4", "447.2"}, {"2842.4", "541.8"},
                {"3144.4", "670.8"}, {"3553", "860"}};
        StringBuilder sb = new StringBuilder("[");
        for (int m = 1; m <= last; m++) {
            sb.append(m > 1 ? "," : "").append("{\"month\": %d, \"basicActual\": %s, \"projectActual\": %s}"
                    .formatted(m, all[m - 1][0], all[m - 1][1]));
        }
        return sb.append("]").toString();
    }

    static String event(String unit, String county, long version, boolean yearEnd, int month, String measures,
                        String targets) {
        return """
                {"eventId": "%s", "type": "BudgetUnitYearChanged", "schemaVersion": 1,
                 "unitCode": "%s", "fiscalYear": 2024, "version": %d,
                 "unit": {"code": "%s", "name": "测试镇人民政府", "county": "%s", "province": "湖南省"},
                 "amountUnit": "万元", "measures": %s,
                 "period": {"yearEnd": %s, "asOfMonth": %d}, "targets": %s, "monthlyExecution": %s}
                """.formatted(UUID.randomUUID(), unit, version, unit, county, measures, yearEnd, month, targets,
                months(month));
    }

    @Test
    void projectedFromJuneChangesWithJulyAndEndsAtTheYearEnd() {
        String county = "监控县" + UUID.randomUUID().toString().substring(0, 6);
        given().contentType(ContentType.JSON).body("{\"systemCode\": \"self-evaluation-2020\", \"systemVersion\": 2}")
                .put("/api/v1/counties/" + county + "/years/2024/assignment").then().statusCode(200);
        String unit = TestEvents.newUnit();
        String key = unit + ":2024";
        String score = "/api/v1/units/" + unit + "/years/2024/score";

        // June: no year-end actuals, measures are June's cumulative figures
        TestEvents.send(key, event(unit, county, 1, false, 6, MEASURES.formatted("1687.68", "232.2", "1919.88"),
                targets(progress("6:39000"), progress("6:0"), "[]", "[]", "[]")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(score).then().statusCode(200)
                .body("budgetVersion", equalTo(1)));
        given().config(TestEvents.DECIMALS).get(score).then().statusCode(200)
                .body("total", decimal("37.05"))
                .body("basis.projected", equalTo(true))
                .body("basis.asOfMonth", equalTo(6))
                .body("basis.label", equalTo("预计得分（截至6月）"))
                .body("basis.missing.item", equalTo(List.of("危房改造按期完工率", "农村人居环境持续改善", "群众满意度")))
                .body("basis.missing[0].indicator", equalTo("Y1"))
                .body("basis.missing[0].message", equalTo("产出指标：缺少目标“危房改造按期完工率”的完成值（截至目前未填报）"))
                .body("basis.missing[1].message", equalTo("效益指标：缺少目标“农村人居环境持续改善”的完成等级和完成比例（截至目前未填报）"))
                .body("result.systemVersion", equalTo(2))
                .body("result.indicators.find { it.code == 'X1' }.points", decimal("3.63"))
                .body("result.indicators.find { it.code == 'Y1' }.points", decimal("33.42"))
                .body("result.indicators.find { it.code == 'Y1' }.status", equalTo("MISSING_DATA"))
                .body("result.indicators.find { it.code == 'Y1' }.targets.code", equalTo(List.of("CC-01", "CC-09", "CC-08")))
                .body("result.indicators.find { it.code == 'Y1' }.targets[0].points", decimal("18.71"))
                .body("result.indicators.find { it.code == 'Y1' }.targets[0].maxPoints", decimal("20.59"))
                .body("result.indicators.find { it.code == 'Y1' }.targets[0].month", equalTo(6))
                .body("result.indicators.find { it.code == 'Y1' }.targets[0].explanation", equalTo(
                        "城乡居民医疗保险参保人数：目标值 42906 人（越大越好），实际完成 39000 人（截至 6 月），未达目标，"
                                + "按实际/目标 × 分值计 18.71 分（分值 20.59 分）"))
                .body("result.indicators.find { it.code == 'Y1' }.targets[2].status", equalTo("MISSING_DATA"))
                .body("result.indicators.find { it.code == 'Y1' }.targets[2].points", nullValue());
        given().config(TestEvents.DECIMALS).get("/api/v1/counties/" + county + "/years/2024/ranking").then().statusCode(200)
                .body("system.version", equalTo(2))
                .body("items[0].unitCode", equalTo(unit))
                .body("items[0].projected", equalTo(true))
                .body("items[0].asOfMonth", equalTo(6))
                .body("items[0].basisLabel", equalTo("预计得分（截至6月）"))
                .body("distribution.projected", equalTo(1));

        // July arrives: the projected score changes
        TestEvents.send(key, event(unit, county, 2, false, 7, MEASURES.formatted("1971.92", "292.4", "2264.32"),
                targets(progress("6:39000", "7:40236"), progress("6:0"), "[]", "[]", "[]")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(score).then().statusCode(200)
                .body("budgetVersion", equalTo(2)));
        given().config(TestEvents.DECIMALS).get(score).then().statusCode(200)
                .body("total", decimal("38.29"))
                .body("basis.projected", equalTo(true))
                .body("basis.label", equalTo("预计得分（截至7月）"))
                .body("result.indicators.find { it.code == 'X1' }.points", decimal("4.28"))
                .body("result.indicators.find { it.code == 'Y1' }.points", decimal("34.01"));

        // the year-end actuals: no longer projected
        TestEvents.send(key, event(unit, county, 3, true, 12, MEASURES.formatted("3553", "860", "4413"),
                targets(progress("6:39000", "7:40236", "12:41851"), progress("6:0", "12:0"), progress("12:100"),
                        progress("12:达成:90"), progress("12:93"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(score).then().statusCode(200)
                .body("budgetVersion", equalTo(3)));
        given().config(TestEvents.DECIMALS).get(score).then().statusCode(200)
                .body("total", decimal("94.82"))
                .body("grade", equalTo("优"))
                .body("complete", equalTo(true))
                .body("basis.projected", equalTo(false))
                .body("basis.label", equalTo("年终得分"))
                .body("basis.missing", equalTo(List.of()))
                .body("result.indicators.find { it.code == 'Y1' }.points", decimal("49.49"))
                .body("result.indicators.find { it.code == 'Z1' }.points", decimal("27"))
                .body("result.indicators.find { it.code == 'Z1' }.targets[0].explanation", hasItemOrString("评定为达成（80%–100%），按 90% × 分值 30 分计 27 分"))
                .body("result.indicators.find { it.code == 'S1' }.points", decimal("10"));
        given().get(score + "/history").then().statusCode(200)
                .body("items.projected", equalTo(List.of(true, true, false)))
                .body("items.asOfMonth", equalTo(List.of(6, 7, 12)))
                .body("items.basisLabel", equalTo(List.of("预计得分（截至6月）", "预计得分（截至7月）", "年终得分")));
        given().get("/api/v1/counties/" + county + "/years/2024/ranking").then().statusCode(200)
                .body("items[0].projected", equalTo(false))
                .body("items[0].basisLabel", equalTo("年终得分"))
                .body("distribution.projected", equalTo(0));

        // the score events say the same
        List<JsonNode> events = TestEvents.scoreEventsUntil(key, e -> e.path("budgetVersion").asLong() == 3);
        assertThat(events).extracting(e -> e.path("basis").path("projected").asBoolean()).containsExactly(true, true, false);
        assertThat(events).extracting(e -> e.path("basis").path("asOfMonth").asInt()).containsExactly(6, 7, 12);
        assertThat(events.get(0).path("basis").path("missing").get(0).path("message").asText())
                .isEqualTo("产出指标：缺少目标“危房改造按期完工率”的完成值（截至目前未填报）");
        JsonNode y1 = events.get(2).path("indicators").get(1);
        assertThat(y1.path("code").asText()).isEqualTo("Y1");
        assertThat(y1.path("targets")).hasSize(3);
        assertThat(y1.path("targets").get(0).path("points").decimalValue()).isEqualByComparingTo("20.08");
        assertThat(y1.path("targets").get(0).path("status").asText()).isEqualTo("SCORED");
        assertThat(y1.path("targets").get(0).path("rule").asText()).startsWith("越大越好：");
    }

    private static org.hamcrest.Matcher<Object> hasItemOrString(String part) {
        return org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString(part));
    }
}
