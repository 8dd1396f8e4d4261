package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.DevTokens;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static cn.perfeval.scoring.TestEvents.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The county's review (县级复核) of the golden unit, worked out by hand. The self-score under the county
 * template is 93 (优): A1 4, A2 4, A3 5, A4 5, A5 5, B1 4, B2 5, B3 5, B4 5, C1 4, D1 42 (GoldenCaseTest).
 * <pre>
 * review D1 (judged, self 42) at 38:   93 − 42 + 38 = 89 → 良 (80 ≤ 89 &lt; 90); deviation 93 − 89 = 4; D1: 42 − 38 = 4
 * then A1 (computed, self 4) at 5:     89 − 4 + 5  = 90 → 优 (90 ≤ 90);      deviation 93 − 90 = 3; A1: 4 − 5 = −1
 * a unit with no judgements (self 23 = 4+4+5+5 + 5; every judged leaf awaiting judgement, 0 in the self total):
 *   review B1 (self none) at 3:        23 − 0 + 3  = 26 → 差;                 deviation 23 − 26 = −3; B1: none
 * </pre>
 * The self-score, its grade and the unit's own judgements stay as they were throughout.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ReviewTest {

    static final DevTokens TOKENS = DevTokens.shared();

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    /** A request as admin; the tests about roles send their own tokens, so no default token is set after the setup. */
    static io.restassured.specification.RequestSpecification admin() {
        return TestAuth.given(TOKENS.admin());
    }

    static String reviews(String unit) {
        return "/api/v1/units/" + unit + "/years/2024/reviews/xiangtan-county";
    }

    static String body(String points, String reason) {
        return "{\"points\": " + points + ", \"reason\": \"" + reason + "\", \"evidence\": \"县财政局复核工作底稿\"}";
    }

    static JsonPath score(String unit) {
        return new JsonPath(admin().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                .extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @Test
    void theReviewScoreBesideTheSelfScoreByHand() {
        String unit = GoldenCaseTest.scoredGoldenUnit();
        TestAuth.anonymous();
        String evaluator = TOKENS.token("evaluator-xiangtan", "evaluator", null, GoldenCaseTest.COUNTY);
        String judgementsBefore = admin().get("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county")
                .then().statusCode(200).extract().asString();
        admin().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                .body("total", equalTo(93)).body("version", equalTo(8)).body("review", nullValue());

        // the county's evaluator re-scores the judged D1: 42 → 38
        TestAuth.given(evaluator).contentType(ContentType.JSON).body(body("38", "两个重点项目未按期完成"))
                .put(reviews(unit) + "/D1").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("points", equalTo(38)).body("version", equalTo(1)).body("rescored", equalTo(true))
                .body("indicatorName", equalTo("职责履行")).body("maxPoints", equalTo(45))
                .body("by", equalTo("evaluator-xiangtan"));

        JsonPath s = score(unit);
        assertThat(s.getInt("version")).isEqualTo(9);
        assertThat(s.getObject("total", BigDecimal.class)).isEqualByComparingTo("93");
        assertThat(s.getString("grade")).isEqualTo("优");
        assertThat(s.getObject("result.indicators.find { it.code == 'D1' }.points", BigDecimal.class)).isEqualByComparingTo("42");
        assertThat(s.getObject("review.total", BigDecimal.class)).isEqualByComparingTo("89");
        assertThat(s.getString("review.grade")).isEqualTo("良");
        assertThat(s.getObject("review.deviation", BigDecimal.class)).isEqualByComparingTo("4");
        assertThat(s.getObject("review.selfTotal", BigDecimal.class)).isEqualByComparingTo("93");
        assertThat(s.getString("review.selfGrade")).isEqualTo("优");
        assertThat(s.getList("review.indicators.code")).containsExactly("D1");
        assertThat(s.getObject("review.indicators[0].selfPoints", BigDecimal.class)).isEqualByComparingTo("42");
        assertThat(s.getObject("review.indicators[0].reviewPoints", BigDecimal.class)).isEqualByComparingTo("38");
        assertThat(s.getObject("review.indicators[0].deviation", BigDecimal.class)).isEqualByComparingTo("4");
        assertThat(s.getString("review.indicators[0].explanation"))
                .isEqualTo("复核得分 38 分，自评 42 分，自评偏高 4 分。理由：两个重点项目未按期完成（依据：县财政局复核工作底稿）");
        assertThat(s.getString("review.explanation")).isEqualTo("复核 1 个指标，复核得分 89 分（良），自评 93 分（优），自评偏高 4 分");

        // then the computed A1: 4 → 5; the indicators in the system's order
        TestAuth.given(evaluator).contentType(ContentType.JSON).body(body("5", "调整事项均经批准"))
                .put(reviews(unit) + "/A1").then().statusCode(200);
        s = score(unit);
        assertThat(s.getObject("total", BigDecimal.class)).isEqualByComparingTo("93");
        assertThat(s.getObject("review.total", BigDecimal.class)).isEqualByComparingTo("90");
        assertThat(s.getString("review.grade")).isEqualTo("优");
        assertThat(s.getObject("review.deviation", BigDecimal.class)).isEqualByComparingTo("3");
        assertThat(s.getList("review.indicators.code")).containsExactly("A1", "D1");
        assertThat(s.getObject("review.indicators[0].deviation", BigDecimal.class)).isEqualByComparingTo("-1");
        assertThat(s.getString("review.indicators[0].explanation")).startsWith("复核得分 5 分，自评 4 分，自评偏低 1 分。");

        // the unit's own judgements are untouched, the self part of every recomputation too
        assertThat(admin().get("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county").then().statusCode(200)
                .extract().asString()).isEqualTo(judgementsBefore);
        admin().get("/api/v1/units/" + unit + "/years/2024/score/history").then()
                .body("items.size()", equalTo(10)).body("items.total[8]", equalTo(93)).body("items.total[9]", equalTo(93));
        admin().get(reviews(unit)).then().statusCode(200).body("items.indicatorCode", equalTo(List.of("D1", "A1")));

        // each review recomputation is announced with the review beside the unchanged self part
        List<JsonNode> events = TestEvents.scoreEventsUntil(unit + ":2024",
                e -> e.path("review").path("total").decimalValue().compareTo(new BigDecimal("90")) == 0);
        JsonNode first = events.get(events.size() - 2);
        JsonNode last = events.get(events.size() - 1);
        assertThat(events.subList(0, events.size() - 2)).allMatch(e -> !e.has("review"));
        assertThat(first.path("review").path("total").decimalValue()).isEqualByComparingTo("89");
        assertThat(last.path("version").asLong()).isEqualTo(10);
        assertThat(last.path("total").decimalValue()).isEqualByComparingTo("93");
        assertThat(last.path("grade").asText()).isEqualTo("优");
        assertThat(last.path("review").path("grade").asText()).isEqualTo("优");
        assertThat(last.path("review").path("deviation").decimalValue()).isEqualByComparingTo("3");
        JsonNode d1 = last.path("review").path("indicators").get(1);
        assertThat(d1.path("code").asText()).isEqualTo("D1");
        assertThat(d1.path("name").asText()).isEqualTo("职责履行");
        assertThat(d1.path("maxPoints").decimalValue()).isEqualByComparingTo("45");
        assertThat(d1.path("selfPoints").decimalValue()).isEqualByComparingTo("42");
        assertThat(d1.path("reviewPoints").decimalValue()).isEqualByComparingTo("38");
        assertThat(d1.path("deviation").decimalValue()).isEqualByComparingTo("4");
        assertThat(d1.path("reason").asText()).isEqualTo("两个重点项目未按期完成");
        assertThat(d1.path("evidence").asText()).isEqualTo("县财政局复核工作底稿");
        assertThat(d1.path("by").asText()).isEqualTo("evaluator-xiangtan");
        assertThat(d1.path("at").asText()).isNotBlank();
        assertThat(d1.has("explanation")).isFalse();
    }

    @Test
    void anIndicatorWithoutSelfPointsCountsZeroInTheSelfTotal() {
        String unit = TestEvents.newUnit();
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, GoldenCaseTest.COUNTY, 1, TestEvents.GOLDEN_MEASURES));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                admin().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200).body("total", equalTo(23)));
        admin().contentType(ContentType.JSON).body(body("3", "制度基本健全")).put(reviews(unit) + "/B1").then().statusCode(200);
        JsonPath s = score(unit);
        assertThat(s.getObject("total", BigDecimal.class)).isEqualByComparingTo("23");
        assertThat(s.getString("result.indicators.find { it.code == 'B1' }.status")).isEqualTo("AWAITING_JUDGEMENT");
        assertThat(s.getObject("review.total", BigDecimal.class)).isEqualByComparingTo("26");
        assertThat(s.getString("review.grade")).isEqualTo("差");
        assertThat(s.getObject("review.deviation", BigDecimal.class)).isEqualByComparingTo("-3");
        assertThat(s.getString("review.explanation")).endsWith("自评偏低 3 分");
        assertThat(s.getMap("review.indicators[0]")).doesNotContainKeys("selfPoints", "deviation");
        assertThat(s.getString("review.indicators[0].explanation")).startsWith("复核得分 3 分，自评未计分（按 0 分计入自评总分）。理由：");
    }

    @Test
    void aReviewRecordedBeforeTheBudgetDataCountsOnceTheyArrive() {
        String unit = TestEvents.newUnit();
        TestAuth.anonymous();
        admin().contentType(ContentType.JSON).body(body("30", "职责履行情况较差")).put(reviews(unit) + "/D1").then().statusCode(200)
                .body("rescored", equalTo(false)).body("version", equalTo(1));
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, GoldenCaseTest.COUNTY, 1, TestEvents.GOLDEN_MEASURES));
        // self 23 (no self judgements: D1 awaits judgement, 0 in the self total); review 23 − 0 + 30 = 53 差
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                admin().config(TestEvents.DECIMALS).get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                        .body("total", decimal("23"))
                        .body("review.total", decimal("53"))
                        .body("review.grade", equalTo("差"))
                        .body("review.deviation", decimal("-30"))
                        .body("review.indicators[0].code", equalTo("D1"))
                        .body("review.indicators[0].reviewPoints", decimal("30")));
    }

    @Test
    void ifMatchValidationAndRoles() {
        String unit = GoldenCaseTest.scoredGoldenUnit();
        TestAuth.anonymous();
        String d1 = reviews(unit) + "/D1";
        // validation: over the maximum, three decimals, negative, no reason, unknown indicator, unknown system
        admin().contentType(ContentType.JSON).body(body("45.01", "r")).put(d1).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("points"))
                .body("errors[0].message", containsString("45"));
        admin().contentType(ContentType.JSON).body(body("40.125", "r")).put(d1).then().statusCode(400)
                .body("errors[0].field", equalTo("points")).body("errors[0].message", containsString("两位小数"));
        admin().contentType(ContentType.JSON).body(body("-1", "r")).put(d1).then().statusCode(400)
                .body("errors[0].field", equalTo("points"));
        admin().contentType(ContentType.JSON).body("{\"points\": 40}").put(d1).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        admin().contentType(ContentType.JSON).body("{\"reason\": \"r\"}").put(d1).then().statusCode(400)
                .body("errors[0].field", equalTo("points"));
        admin().contentType(ContentType.JSON).body(body("1", "r")).put(reviews(unit) + "/Z9").then().statusCode(404)
                .body("detail", containsString("Z9"));
        admin().contentType(ContentType.JSON).body(body("1", "r"))
                .put("/api/v1/units/" + unit + "/years/2024/reviews/nope/D1").then().statusCode(404)
                .body("detail", containsString("nope"));
        admin().get(d1).then().statusCode(404).body("detail", containsString("D1"));
        admin().get("/api/v1/units/" + unit + "/years/2024/reviews/nope").then().statusCode(404);

        // roles: finance staff (even of the unit), viewers and evaluators of another county may not review
        String refused = "/api/v1/units/" + unit + "/years/2024/reviews/xiangtan-county/D1";
        TestAuth.given(TOKENS.finance(unit)).contentType(ContentType.JSON).body(body("40", "r")).put(refused)
                .then().statusCode(403).body("detail", containsString("复核评分由管理员"));
        // the refusal names the token's roles as a person knows them, not as a Java list
        TestAuth.given(TOKENS.viewer()).contentType(ContentType.JSON).body(body("40", "r")).put(refused)
                .then().statusCode(403).body("detail", containsString("复核评分由管理员"))
                .body("detail", org.hamcrest.Matchers.endsWith("（令牌的角色为：查看者（viewer））"));
        TestAuth.given(TOKENS.evaluator("别的县")).contentType(ContentType.JSON).body(body("40", "r")).put(refused)
                .then().statusCode(403).body("detail", containsString("本县"));
        admin().get(d1 + "/history").then().statusCode(200).body("total", equalTo(0));
        admin().get("/api/v1/units/" + unit + "/years/2024/score").then().body("review", nullValue());
        // ... while finance staff of the unit may now record its self-score judgements
        TestAuth.given(TOKENS.finance(unit)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"points\": 43, \"reason\": \"自评\", \"by\": \"中路铺镇财政所\"}")
                .put("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/D1").then().statusCode(200)
                .body("points", equalTo(43));
        admin().get("/api/v1/units/" + unit + "/years/2024/score").then().body("total", equalTo(94));

        // If-Match: none needed for the first, required after, checked
        admin().contentType(ContentType.JSON).body(body("40", "first")).put(d1).then().statusCode(200).header("ETag", "\"1\"");
        admin().contentType(ContentType.JSON).body(body("39", "second")).put(d1).then().statusCode(428)
                .contentType("application/problem+json");
        admin().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body("39", "second")).put(d1)
                .then().statusCode(412);
        admin().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body("39.5", "second")).put(d1)
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
        admin().get(d1).then().statusCode(200).header("ETag", "\"2\"").body("points", equalTo(39.5f))
                .body("reason", equalTo("second"));
        admin().config(TestEvents.DECIMALS).get(d1 + "/history").then().statusCode(200)
                .body("items.reason", equalTo(List.of("first", "second"))).body("items.version", equalTo(List.of(1, 2)));
        admin().config(TestEvents.DECIMALS).get("/api/v1/units/" + unit + "/years/2024/score").then()
                .body("total", decimal("94"))
                .body("review.total", decimal("90.5"))
                .body("review.grade", equalTo("优"))
                .body("review.deviation", decimal("3.5"));
    }
}
