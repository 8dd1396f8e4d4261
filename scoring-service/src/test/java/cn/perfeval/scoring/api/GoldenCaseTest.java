package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The golden case end to end: its measures arrive as a budget event on Kafka, its judged points
 * are recorded over HTTP, and the county template gives every published point, the subtotals
 * 28 / 19 / 4 / 42 and the total 93 (优 by the national bands); its published grade 良 and its
 * rounded divisors are listed as inconsistencies.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class GoldenCaseTest {

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    static final String COUNTY = "湘潭县";

    /** Judged points of the golden report: indicator code → {points or deduction, reason}. */
    static final List<String[]> JUDGEMENTS = List.of(
            new String[]{"A5", "points", "5", "结余结转按项目分别核算"},
            new String[]{"B1", "deduction", "1", "管理制度基本健全，内控制度执行仍需加强"},
            new String[]{"B2", "points", "5", "专款专用，分项目单独核算"},
            new String[]{"B3", "points", "5", "按规定时限公开预决算信息"},
            new String[]{"B4", "points", "5", "按规定执行政府采购"},
            new String[]{"C1", "deduction", "1", "资产管理制度健全，但资产清查不够及时"},
            new String[]{"D1", "points", "42", "全年重点工作基本完成，个别项目进度滞后"});

    static ValidatableResponse score(String unit) {
        return given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200);
    }

    /** The current result read with exact decimals. */
    static io.restassured.path.json.JsonPath scoreJson(String unit) {
        return new io.restassured.path.json.JsonPath(score(unit).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static void judge(String unit, String system, String code, String kind, String value, String reason) {
        judge(unit, system, code, kind, value, reason, null);
    }

    /** A judgement replacing version {@code ifMatch} of the indicator's (null: the first one). */
    static void judge(String unit, String system, String code, String kind, String value, String reason, String ifMatch) {
        var request = given();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.contentType(ContentType.JSON)
                .body("""
                        {"%s": %s, "reason": "%s", "evidence": "中路铺镇2024年度部门整体支出绩效自评报告", "by": "县财政局评价组"}
                        """.formatted(kind, value, reason))
                .put("/api/v1/units/" + unit + "/years/2024/judgements/" + system + "/" + code)
                .then().statusCode(200);
    }

    static String scoredGoldenUnit() {
        String unit = TestEvents.newUnit();
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, COUNTY, 1, TestEvents.GOLDEN_MEASURES));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200).body("budgetVersion", equalTo(1)));
        for (String[] j : JUDGEMENTS) {
            judge(unit, "xiangtan-county", j[0], j[1], j[2], j[3]);
        }
        return unit;
    }

    @Test
    void judgedPointsGiveThePublishedSubtotalsAndTotal() {
        String unit = scoredGoldenUnit();

        var json = scoreJson(unit);
        assertThat(json.getObject("total", BigDecimal.class)).isEqualByComparingTo("93");
        assertThat(json.getList("result.groups.points", BigDecimal.class)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("28"), new BigDecimal("19"), new BigDecimal("4"), new BigDecimal("42"));
        assertThat(json.getList("result.indicators.points", BigDecimal.class)).usingElementComparator(BigDecimal::compareTo)
                .containsExactlyElementsOf(List.of("4", "4", "5", "5", "5", "5", "4", "5", "5", "5", "4", "42")
                        .stream().map(BigDecimal::new).toList());
        score(unit)
                .body("grade", equalTo("优"))
                .body("complete", equalTo(true))
                .body("result.indicators.find { it.code == 'B1' }.judgement.points", equalTo(4))
                .body("result.indicators.find { it.code == 'B1' }.judgement.deduction", equalTo(1))
                .body("result.indicators.find { it.code == 'B1' }.judgement.reason", equalTo("管理制度基本健全，内控制度执行仍需加强"))
                .body("result.indicators.find { it.code == 'B1' }.judgement.by", equalTo("县财政局评价组"))
                .body("result.indicators.find { it.code == 'B1' }.explanation",
                        equalTo("管理制度健全：评价人 县财政局评价组 评分，满分 5 分，扣 1 分，得 4 分。理由：管理制度基本健全，内控制度执行仍需加强"
                                + "（依据：中路铺镇2024年度部门整体支出绩效自评报告）"))
                .body("result.indicators.find { it.code == 'D1' }.status", equalTo("SCORED"))
                .body("result.indicators.find { it.code == 'D1' }.explanation", containsString("全年重点工作基本完成"))
                .body("result.indicators.find { it.code == 'A1' }.explanation",
                        equalTo("预算调整率 = 预算调整数 / 年初预算数 × 100 = 307 / 4988.65 × 100 = 6.15 %，在区间 (0, 10] 内，得 4 分"));

        // one recomputation per judgement, each announced: the last event carries the whole result
        List<JsonNode> events = TestEvents.scoreEventsUntil(unit + ":2024", e -> e.path("total").decimalValue().compareTo(new BigDecimal("93")) == 0);
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("version").asLong()).isEqualTo(1 + JUDGEMENTS.size());
        assertThat(last.path("budgetVersion").asLong()).isEqualTo(1);
        assertThat(last.path("grade").asText()).isEqualTo("优");
        assertThat(last.path("complete").asBoolean()).isTrue();
        assertThat(last.path("assigned").asBoolean()).isTrue();
        assertThat(last.path("system").path("code").asText()).isEqualTo("xiangtan-county");
        JsonNode d1 = null;
        for (JsonNode i : last.path("indicators")) {
            if (i.path("code").asText().equals("D1")) {
                d1 = i;
            }
        }
        assertThat(d1).isNotNull();
        assertThat(d1.path("judgement").path("points").decimalValue()).isEqualByComparingTo("42");
        assertThat(d1.path("judgement").path("reason").asText()).isEqualTo("全年重点工作基本完成，个别项目进度滞后");
        assertThat(last.path("inconsistencies").isArray()).isTrue();

        given().get("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county").then().statusCode(200)
                .body("items.size()", equalTo(7)).body("items.find { it.indicatorCode == 'C1' }.points", equalTo(4));
    }

    @Test
    void aJudgementIsKeptWithItsHistoryAndTheLatestCounts() {
        String unit = scoredGoldenUnit();
        judge(unit, "xiangtan-county", "D1", "points", "40", "复核后调整", "\"1\"");
        score(unit).body("total", equalTo(91))
                .body("result.indicators.find { it.code == 'D1' }.judgement.reason", equalTo("复核后调整"));
        given().get("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/D1/history").then().statusCode(200)
                .body("items.points", equalTo(List.of(42, 40)))
                .body("items.reason", equalTo(List.of("全年重点工作基本完成，个别项目进度滞后", "复核后调整")));
        given().get("/api/v1/units/" + unit + "/years/2024/score/history").then().body("items.size()", equalTo(9))
                .body("items.total[7]", equalTo(93)).body("items.total[8]", equalTo(91));

        // a judgement under another system scores the unit-year under that system too, beside the assigned one
        judge(unit, "national-common", "E14", "points", "5", "满意度调查 96%");
        given().get("/api/v1/units/" + unit + "/years/2024/score?system=national-common").then().statusCode(200)
                .body("result.systemCode", equalTo("national-common"))
                .body("result.indicators.find { it.code == 'E14' }.points", equalTo(5))
                .body("total", equalTo(14));
        given().get("/api/v1/units/" + unit + "/years/2024/score").then().body("result.systemCode", equalTo("xiangtan-county"))
                .body("total", equalTo(91));
        List<JsonNode> events = TestEvents.scoreEventsUntil(unit + ":2024",
                e -> e.path("system").path("code").asText().equals("national-common"));
        assertThat(events.get(events.size() - 1).path("assigned").asBoolean()).isFalse();
        assertThat(events.get(events.size() - 1).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void invalidJudgementsAreRefusedWithTheField() {
        String unit = TestEvents.newUnit();
        String base = "/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/";
        given().contentType(ContentType.JSON).body("{\"points\": 5.5, \"reason\": \"r\", \"by\": \"e\"}").put(base + "B1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("points")).body("errors[0].rejected", equalTo("5.5"));
        given().contentType(ContentType.JSON).body("{\"points\": -1, \"reason\": \"r\", \"by\": \"e\"}").put(base + "B1")
                .then().statusCode(400).body("errors[0].field", equalTo("points"));
        given().contentType(ContentType.JSON).body("{\"deduction\": 6, \"reason\": \"r\", \"by\": \"e\"}").put(base + "B1")
                .then().statusCode(400).body("errors[0].field", equalTo("deduction"));
        given().contentType(ContentType.JSON).body("{\"points\": 4, \"deduction\": 1, \"reason\": \"r\", \"by\": \"e\"}").put(base + "B1")
                .then().statusCode(400).body("errors[0].field", equalTo("points"));
        given().contentType(ContentType.JSON).body("{\"points\": 4, \"by\": \"e\"}").put(base + "B1")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body("{\"points\": 4, \"reason\": \"r\", \"by\": \"e\"}").put(base + "A1")
                .then().statusCode(400).body("errors[0].field", equalTo("indicatorCode"));
        given().contentType(ContentType.JSON).body("{\"points\": 4, \"reason\": \"r\", \"by\": \"e\"}").put(base + "Z9")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"points\": 4, \"reason\": \"r\", \"by\": \"e\"}")
                .put("/api/v1/units/" + unit + "/years/2024/judgements/nope/B1").then().statusCode(404);
        // recorded before the budget data: kept, and counted once the data arrives
        given().contentType(ContentType.JSON).body("{\"points\": 4, \"reason\": \"r\", \"by\": \"e\"}").put(base + "B1")
                .then().statusCode(200).body("rescored", equalTo(false)).body("points", equalTo(4));
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, COUNTY, 1, TestEvents.GOLDEN_MEASURES));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                        .body("result.indicators.find { it.code == 'B1' }.points", equalTo(4)));
    }

    @Test
    void thePublishedGradeAndRoundedDivisorsAreInconsistent() {
        String unit = scoredGoldenUnit();
        given().contentType(ContentType.JSON).body(TestEvents.GOLDEN_PUBLISHED)
                .put("/api/v1/units/" + unit + "/years/2024/published").then().statusCode(200);

        given().contentType(ContentType.JSON).body("{\"indicators\": [{\"name\": \"预算调整率\", \"points\": -4}], \"total\": 93}")
                .put("/api/v1/units/" + unit + "/years/2024/published").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("indicators[0].points"));
        given().contentType(ContentType.JSON).body("{\"indicators\": [{\"points\": 4}]}")
                .put("/api/v1/units/" + unit + "/years/2024/published").then().statusCode(400)
                .body("errors[0].field", equalTo("indicators[0].name"));
        given().get("/api/v1/units/" + unit + "/years/2024/published").then().statusCode(200).body("grade", equalTo("良"));

        given().get("/api/v1/units/" + unit + "/years/2024/inconsistencies").then().statusCode(200)
                .body("systemCode", equalTo("xiangtan-county"))
                .body("inconsistencies.kind", equalTo(List.of("PRINTED_FIGURE", "PRINTED_FIGURE", "PRINTED_FIGURE", "GRADE")))
                .body("inconsistencies.indicator", equalTo(java.util.Arrays.asList("A1", "A2", "A3", null)))
                .body("inconsistencies.published", equalTo(List.of("4988", "3274", "1714", "良")))
                .body("inconsistencies.computed", equalTo(List.of("4988.65", "3274.34", "1714.31", "优")))
                .body("inconsistencies[0].message", equalTo("“预算调整率”印制的除数 4988 是年初预算数 4988.65 的取整；按 4988.65 计算为 6.15 %"))
                .body("inconsistencies[3].message", equalTo("公布等级为“良”，按指标体系的等级标准，总分 93 分应为“优”"));

        // recording it rescored the unit-year: the score event carries the same list
        List<JsonNode> events = TestEvents.scoreEventsUntil(unit + ":2024", e -> e.path("inconsistencies").size() == 4);
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("inconsistencies").get(3).path("kind").asText()).isEqualTo("GRADE");
        assertThat(last.path("inconsistencies").get(3).path("published").asText()).isEqualTo("良");
        assertThat(last.path("inconsistencies").get(1).path("message").asText()).contains("3274", "3274.34");
        score(unit).body("result.inconsistencies.size()", equalTo(4));
    }
}
