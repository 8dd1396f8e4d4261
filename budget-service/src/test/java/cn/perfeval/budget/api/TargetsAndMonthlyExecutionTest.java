package cn.perfeval.budget.api;

import cn.perfeval.budget.Golden;
import cn.perfeval.budget.TestAuth;
import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.EventCodec;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * The targets (绩效目标表) with their progress and the monthly execution through the API: round trip, what the
 * published BudgetUnitYearChanged carries (period, targets, monthlyExecution, the spending measures of the latest
 * month until the year-end actuals are recorded), If-Match, validation naming the fields, roles.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class TargetsAndMonthlyExecutionTest {

    static String newUnitWithBudget() {
        String code = Golden.newCode();
        given().contentType(ContentType.JSON).body(Golden.unit()).put("/api/v1/units/" + code).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Golden.expenditure())
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure").then().statusCode(200);
        return code;
    }

    static JsonNode get(String path) {
        return Golden.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    static long version(String year) {
        return Long.parseLong(given().get(year + "/budget").then().statusCode(200).extract().header("ETag").replace("\"", ""));
    }

    /** The event of the unit-year at {@code version}, as consumers read it from Kafka. */
    static BudgetUnitYearChanged event(String code, long version) throws Exception {
        String key = code + ":2024";
        AtomicReference<String> found = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("budget-events"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key()) && r.value().contains("\"version\":" + version + ",")) {
                        found.set(r.value());
                    }
                });
                return found.get() != null;
            });
        }
        return EventCodec.readBudgetEvent(found.get());
    }

    @Test
    void targetsProgressAndMonthsGoInThroughTheApiAndOutInTheEvent() throws Exception {
        String code = newUnitWithBudget();
        String year = "/api/v1/units/" + code + "/years/2024";
        given().get(year + "/targets").then().statusCode(404).contentType(ProblemDetail.MEDIA_TYPE)
                .body("detail", containsString("尚未记录绩效目标表"));

        given().contentType(ContentType.JSON).body(Golden.targetTable()).put(year + "/targets")
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2))
                .body("indicators.code", hasItems("CC-01", "XY-04", "MY-01"));
        given().contentType(ContentType.JSON).body(Examples.PROGRESS).put(year + "/targets/CC-01/progress/12")
                .then().statusCode(200).header("ETag", "\"3\"");
        given().contentType(ContentType.JSON).body(Examples.PROGRESS_QUALITATIVE).put(year + "/targets/XY-04/progress/12")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"actualValue\": 40236}").put(year + "/targets/CC-01/progress/7")
                .then().statusCode(200);

        JsonNode targets = get(year + "/targets");
        assertThat(targets.path("overallGoal").asText()).isEqualTo(Golden.TARGETS.path("overallGoal").asText());
        ArrayNode indicators = (ArrayNode) targets.path("indicators").deepCopy();
        JsonNode cc01 = indicators.get(0);
        assertThat(cc01.path("progress").findValuesAsText("month")).containsExactly("7", "12");
        assertThat(cc01.path("progress").get(1).path("actualValue").decimalValue()).isEqualByComparingTo("41851");
        assertThat(cc01.path("progress").get(1).path("deviationReason").asText()).startsWith("部分外出务工人员");
        assertThat(cc01.path("progress").get(1).path("by").asText()).isEqualTo("admin");
        assertThat(cc01.path("progress").get(1).path("at").asText()).isNotBlank();
        indicators.forEach(t -> ((ObjectNode) t).remove("progress"));
        assertThat(indicators).isEqualTo(Golden.TARGETS.path("indicators"));

        // during the year: the spending measures are the latest month's
        given().contentType(ContentType.JSON).body(Examples.MONTHLY).put(year + "/monthly-execution")
                .then().statusCode(200).body("period.yearEnd", equalTo(false)).body("period.asOfMonth", equalTo(7))
                .body("months.month", equalTo(List.of(6, 7)));
        JsonNode monthly = get(year + "/monthly-execution");
        assertThat(monthly.path("months").get(1).path("byFunction").get(0).path("code").asText()).isEqualTo("201");
        JsonNode measures = get(year + "/budget/measures").path("measures");
        assertThat(measures.path("basicActual").decimalValue()).isEqualByComparingTo("1971.92");
        assertThat(measures.path("projectActual").decimalValue()).isEqualByComparingTo("292.4");
        assertThat(measures.path("totalActual").decimalValue()).isEqualByComparingTo("2264.32");

        BudgetUnitYearChanged july = event(code, version(year));
        assertThat(july.period()).isEqualTo(new BudgetUnitYearChanged.Period(false, 7));
        assertThat(july.measures().get("totalActual")).isEqualByComparingTo("2264.32");
        assertThat(july.monthlyExecution()).extracting(BudgetUnitYearChanged.MonthExecution::month).containsExactly(6, 7);
        assertThat(july.monthlyExecution().get(1).byFunction()).extracting(BudgetUnitYearChanged.FunctionActual::code)
                .containsExactly("201");
        assertThat(july.targets().overallGoal()).isEqualTo(Golden.TARGETS.path("overallGoal").asText());
        BudgetUnitYearChanged.Target eventCc01 = july.targets().indicators().get(0);
        assertThat(eventCc01.code()).isEqualTo("CC-01");
        assertThat(eventCc01.targetValue()).isEqualByComparingTo("42906");
        assertThat(eventCc01.weight()).isEqualByComparingTo("7");
        assertThat(eventCc01.progress()).extracting(BudgetUnitYearChanged.TargetProgress::month).containsExactly(7, 12);
        assertThat(eventCc01.progress().get(1).by()).isEqualTo("admin");
        assertThat(eventCc01.progress().get(1).at()).isNotNull();
        BudgetUnitYearChanged.Target xy04 = july.targets().indicators().stream().filter(t -> t.code().equals("XY-04")).findFirst().orElseThrow();
        assertThat(xy04.direction()).isEqualTo("定性");
        assertThat(xy04.progress().get(0).achievement()).isEqualTo("达成");
        assertThat(xy04.progress().get(0).achievementPercent()).isEqualByComparingTo("85");

        // one month arriving: August
        given().contentType(ContentType.JSON).body("{\"basicActual\": 2256.16, \"projectActual\": 361.2}")
                .put(year + "/monthly-execution/8").then().statusCode(200).body("period.asOfMonth", equalTo(8));
        assertThat(event(code, version(year)).measures().get("totalActual")).isEqualByComparingTo("2617.36");

        // year end: the year's actuals win over any month
        given().contentType(ContentType.JSON).body("{\"amountUnit\": \"万元\", \"basicActual\": 3553, \"projectActual\": 860}")
                .put(year + "/budget/execution").then().statusCode(200);
        measures = get(year + "/budget/measures").path("measures");
        assertThat(measures.path("totalActual").decimalValue()).isEqualByComparingTo("4413");
        BudgetUnitYearChanged yearEnd = event(code, version(year));
        assertThat(yearEnd.period()).isEqualTo(new BudgetUnitYearChanged.Period(true, 8));
        assertThat(yearEnd.measures().get("basicActual")).isEqualByComparingTo("3553");
        assertThat(yearEnd.measures().get("totalActual")).isEqualByComparingTo("4413");
        given().get(year + "/monthly-execution").then().body("period.yearEnd", equalTo(true));
    }

    @Test
    void aNewTargetTableKeepsTheProgressOfTheCodesThatStay() {
        String code = newUnitWithBudget();
        String year = "/api/v1/units/" + code + "/years/2024";
        given().contentType(ContentType.JSON).body(Examples.TARGETS).put(year + "/targets").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Examples.PROGRESS).put(year + "/targets/CC-01/progress/12").then().statusCode(200);
        String etag = given().contentType(ContentType.JSON).body("{\"actualValue\": 0}").put(year + "/targets/CC-09/progress/12")
                .then().statusCode(200).extract().header("ETag");
        // CC-09 leaves the table, CC-01 stays with a new target value
        String table = Examples.TARGETS.replace("42906", "43000").replaceAll("\\{\"code\": \"CC-09\"[^}]*},", "");
        assertThat(table).doesNotContain("CC-09");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(table).put(year + "/targets")
                .then().statusCode(200).body("indicators.code", equalTo(List.of("CC-01", "XY-04")))
                .body("indicators[0].targetValue", equalTo(43000))
                .body("indicators[0].progress.month", equalTo(List.of(12)));
        // CC-09 comes back without its old progress
        etag = given().get(year + "/targets").then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Examples.TARGETS).put(year + "/targets")
                .then().statusCode(200).body("indicators[1].code", equalTo("CC-09")).body("indicators[1].progress", equalTo(List.of()));
        // the audit trail records the replacement and the progress entries
        given().queryParam("unitCode", code).queryParam("size", 50).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", hasItems("targets.replace", "target-progress.record"));
    }

    @Test
    void ifMatchIsRequiredToOverwriteWhatAPersonWroteAndHonouredForMonths() {
        String code = newUnitWithBudget();
        String year = "/api/v1/units/" + code + "/years/2024";
        given().contentType(ContentType.JSON).body(Examples.TARGETS).put(year + "/targets").then().statusCode(200);
        // a recorded target table: 428 without If-Match, 412 with a stale one
        given().contentType(ContentType.JSON).body(Examples.TARGETS).put(year + "/targets")
                .then().statusCode(428).contentType(ProblemDetail.MEDIA_TYPE).body("detail", containsString("If-Match"));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Examples.TARGETS).put(year + "/targets")
                .then().statusCode(412).contentType(ProblemDetail.MEDIA_TYPE);
        String etag = given().get(year + "/targets").then().statusCode(200).extract().header("ETag");
        etag = given().contentType(ContentType.JSON).header("If-Match", etag).body(Examples.TARGETS).put(year + "/targets")
                .then().statusCode(200).extract().header("ETag");
        // a first progress entry needs none; overwriting it does
        given().contentType(ContentType.JSON).body(Examples.PROGRESS).put(year + "/targets/CC-01/progress/7").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Examples.PROGRESS).put(year + "/targets/CC-01/progress/7")
                .then().statusCode(428).contentType(ProblemDetail.MEDIA_TYPE).body("detail", containsString("7 月"));
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Examples.PROGRESS).put(year + "/targets/CC-01/progress/7")
                .then().statusCode(412);
        etag = given().get(year + "/targets").then().extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Examples.PROGRESS).put(year + "/targets/CC-01/progress/7")
                .then().statusCode(200);
        // months come from the budget system: If-Match optional, honoured when given
        given().contentType(ContentType.JSON).body(Examples.MONTHLY).put(year + "/monthly-execution").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Examples.MONTHLY).put(year + "/monthly-execution").then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Examples.MONTH).put(year + "/monthly-execution/7")
                .then().statusCode(412).contentType(ProblemDetail.MEDIA_TYPE);
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Examples.MONTHLY).put(year + "/monthly-execution")
                .then().statusCode(412);
        etag = given().get(year + "/monthly-execution").then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Examples.MONTH).put(year + "/monthly-execution/7")
                .then().statusCode(200).header("ETag", "\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\"");
    }

    @Test
    void invalidTargetsProgressAndMonthsAreRefusedNamingTheField() {
        String code = newUnitWithBudget();
        String year = "/api/v1/units/" + code + "/years/2024";
        String bad = """
                {"overallGoal": "目标", "indicators": [
                  {"code": "A1", "level1": "产出类", "level2": "数量", "name": "一", "targetValue": 1, "direction": "越大越好"},
                  {"code": "A2", "level1": "产出", "level2": "社会效益", "name": "二", "targetValue": 1, "direction": "越大越好"}]}""";
        given().contentType(ContentType.JSON).body(bad).put(year + "/targets").then().statusCode(400)
                .contentType(ProblemDetail.MEDIA_TYPE)
                .body("errors.field", equalTo(List.of("indicators[0].level1")))
                .body("errors[0].message", equalTo("一级指标应为 产出、效益 或 满意度"));
        bad = """
                {"indicators": [
                  {"code": "A1", "level1": "产出", "level2": "社会效益", "name": "一", "targetValue": 1, "direction": "越大越好"},
                  {"code": "A1", "level1": "效益", "level2": "社会效益", "name": "二", "direction": "越大越好"},
                  {"code": "A3", "level1": "效益", "level2": "生态效益", "name": "三", "targetValue": 5, "direction": "定性"}]}""";
        given().contentType(ContentType.JSON).body(bad).put(year + "/targets").then().statusCode(400)
                .body("errors.field", hasItems("indicators[0].level2", "indicators[1].code", "indicators[1].targetValue",
                        "indicators[2].targetValue", "indicators[2].targetText"))
                .body("errors.message", hasItem("指标编码重复：每个编码只能出现一次"))
                .body("errors.message", hasItem("二级指标应为 数量、质量、时效、成本（一级指标为 产出）"))
                .body("errors.message", hasItem("定性指标须给出指标值的文字表述"));
        given().get(year + "/targets").then().statusCode(404);

        given().contentType(ContentType.JSON).body(Examples.TARGETS).put(year + "/targets").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"achievement\": \"达成\", \"achievementPercent\": 70, \"actualText\": \"x\"}")
                .put(year + "/targets/XY-04/progress/12").then().statusCode(400)
                .body("errors.field", equalTo(List.of("achievementPercent")))
                .body("errors[0].message", equalTo("完成等级为 达成 时得分比例应在 80–100% 之间"));
        given().contentType(ContentType.JSON).body("{\"actualValue\": 3}").put(year + "/targets/XY-04/progress/12")
                .then().statusCode(400).body("errors.field", hasItems("actualValue", "achievement", "achievementPercent", "actualText"));
        given().contentType(ContentType.JSON).body("{\"achievement\": \"达成\", \"achievementPercent\": 90}")
                .put(year + "/targets/CC-01/progress/12").then().statusCode(400)
                .body("errors.field", hasItems("actualValue", "achievement", "achievementPercent"))
                .body("errors.message", hasItem("定量指标须给出完成值"));
        given().contentType(ContentType.JSON).body(Examples.PROGRESS).put(year + "/targets/CC-77/progress/12")
                .then().statusCode(404).body("detail", containsString("CC-77"));
        given().contentType(ContentType.JSON).body(Examples.PROGRESS).put(year + "/targets/CC-01/progress/13")
                .then().statusCode(400).body("errors.field", hasItem("month"));

        given().contentType(ContentType.JSON).body("""
                {"months": [{"month": 3, "basicActual": 300, "projectActual": 50},
                            {"month": 4, "basicActual": 290, "projectActual": 50},
                            {"month": 3, "basicActual": 1, "projectActual": 1}]}""")
                .put(year + "/monthly-execution").then().statusCode(400)
                .body("errors.field", hasItems("months[2].month", "months[1].basicActual"))
                .body("errors.message", hasItem("4 月的基本支出累计 290 小于 3 月的 300：累计数不能减少"));
        given().contentType(ContentType.JSON).body("{\"months\": [{\"month\": 7, \"basicActual\": 1, \"projectActual\": 1, "
                        + "\"byFunction\": [{\"code\": \"20101\", \"basicActual\": 1, \"projectActual\": 0}]}]}")
                .put(year + "/monthly-execution").then().statusCode(400)
                .body("errors.field", equalTo(List.of("months[0].byFunction[0].code")));
        given().get(year + "/monthly-execution").then().statusCode(200).body("months", equalTo(List.of()));
    }

    @Test
    void aSingleMonthOutOfStepIsStoredAndFlagged() {
        String code = newUnitWithBudget();
        String year = "/api/v1/units/" + code + "/years/2024";
        given().contentType(ContentType.JSON).body(Examples.MONTHLY).put(year + "/monthly-execution").then().statusCode(200);
        // June arrives again, above July: stored, and the findings say so
        given().contentType(ContentType.JSON).body("{\"basicActual\": 2000, \"projectActual\": 232.2}")
                .put(year + "/monthly-execution/6").then().statusCode(200);
        given().get(year + "/findings").then().statusCode(200)
                .body("items.ruleId", hasItem("BUD-MON-001"))
                .body("items.find { it.ruleId == 'BUD-MON-001' }.tableLabel", equalTo("分月执行"))
                .body("items.find { it.ruleId == 'BUD-MON-001' }.columnLabel", equalTo("基本支出实际支出数"));
    }

    @Test
    void rolesAreThoseOfTheOtherBudgetData() {
        String code = newUnitWithBudget();
        String year = "/api/v1/units/" + code + "/years/2024";
        var tokens = TestAuth.tokens();
        TestAuth.as(tokens.finance(code)).contentType(ContentType.JSON).body(Examples.TARGETS).put(year + "/targets")
                .then().statusCode(200);
        TestAuth.as(tokens.finance(code)).contentType(ContentType.JSON).body(Examples.PROGRESS).put(year + "/targets/CC-01/progress/7")
                .then().statusCode(200).body("indicators[0].progress[0].by", equalTo("finance-" + code));
        TestAuth.as(tokens.finance("OTHER1")).get(year + "/targets").then().statusCode(403);
        TestAuth.as(tokens.evaluator("湘潭县")).get(year + "/targets").then().statusCode(200);
        TestAuth.as(tokens.evaluator("湘潭县")).get(year + "/monthly-execution").then().statusCode(200);
        TestAuth.as(tokens.viewer()).get(year + "/targets").then().statusCode(200);
        TestAuth.as(tokens.evaluator("湘潭县")).contentType(ContentType.JSON).body(Examples.MONTH).put(year + "/monthly-execution/7")
                .then().statusCode(403);
        TestAuth.as(tokens.viewer()).contentType(ContentType.JSON).body(Examples.MONTHLY).put(year + "/monthly-execution")
                .then().statusCode(403);
        TestAuth.anonymous().get(year + "/monthly-execution").then().statusCode(401);
    }
}
