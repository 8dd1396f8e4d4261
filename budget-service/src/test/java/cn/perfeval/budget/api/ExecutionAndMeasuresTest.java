package cn.perfeval.budget.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.budget.Golden;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class ExecutionAndMeasuresTest {

    static final String SMALL_TABLE = """
            {"amountUnit": "万元", "rows": [
              {"code": "201", "name": "一般公共服务支出", "total": 1000, "basic": 800, "project": 200},
              {"code": "20103", "name": "政府办公厅（室）及相关机构事务", "total": 1000, "basic": 800, "project": 200}
            ]}""";

    static String unit() {
        String code = Golden.newCode();
        given().contentType(ContentType.JSON).body(Examples.UNIT).put("/api/v1/units/" + code).then().statusCode(201);
        return code;
    }

    static List<String> ruleIds(String code) {
        List<String> ids = new ArrayList<>();
        Golden.parse(given().get("/api/v1/units/" + code + "/years/2024/findings").asString()).path("items")
                .forEach(f -> ids.add(f.path("ruleId").asText() + ":" + f.path("column").asText()));
        return ids;
    }

    @Test
    void everyExecutionFactIsStoredAndReadBackExactly() {
        String code = unit();
        String path = "/api/v1/units/" + code + "/years/2024/budget/execution";
        given().contentType(ContentType.JSON).body(Examples.EXECUTION_FULL).put(path).then().statusCode(200);
        ObjectNode sent = (ObjectNode) Golden.parse(Examples.EXECUTION_FULL);
        JsonNode read = Golden.parse(given().get(path).asString());
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            assertThat(read.path(f.getKey())).as(f.getKey()).isEqualTo(f.getValue());
        }
        // not sent = not recorded
        assertThat(read.path("adjustmentIncrease").isNull()).isTrue();

        Map<String, Object> m = given().get("/api/v1/units/" + code + "/years/2024/budget/measures").jsonPath().getMap("measures");
        assertThat(m).containsKeys("threePublicBudgetLastYear", "threePublicActualLastYear", "keyProjectSpending",
                "paymentProgressActual", "paymentProgressPlanned", "carryOverBalance", "carryOverBalanceLastYear",
                "publicRunningBudget", "publicRunningActual", "procurementBudget", "procurementActual",
                "fixedAssetsInUse", "fixedAssetsTotal", "keyTasksAssigned", "keyTasksCompleted");
        String measures = given().get("/api/v1/units/" + code + "/years/2024/budget/measures").asString();
        assertThat(measures).contains("\"threePublicActualLastYear\":1.5").contains("\"fixedAssetsInUse\":5120.4")
                .contains("\"procurementActual\":118.5").contains("\"paymentProgressActual\":95")
                .contains("\"keyTasksCompleted\":19").contains("\"publicRunningActual\":251.3");
    }

    @Test
    void percentagesAndCountsAreNotConvertedFromYuan() {
        String code = unit();
        given().contentType(ContentType.JSON).body("""
                {"amountUnit": "元", "procurementBudget": 1200000, "paymentProgressActual": 95.5, "keyTasksAssigned": 20}""")
                .put("/api/v1/units/" + code + "/years/2024/budget/execution").then().statusCode(200);
        String body = given().get("/api/v1/units/" + code + "/years/2024/budget/execution").asString();
        assertThat(body).contains("\"procurementBudget\":120.0000").contains("\"paymentProgressActual\":95.5")
                .contains("\"keyTasksAssigned\":20");
    }

    @Test
    void threePublicItemsAreCheckedAgainstTheirTotalAndTheBudget() {
        String code = unit();
        String path = "/api/v1/units/" + code + "/years/2024/budget/execution";
        given().contentType(ContentType.JSON).body("""
                {"amountUnit": "万元", "threePublicBudget": 12, "threePublicActual": 13,
                 "threePublicItems": [
                   {"item": "因公出国（境）", "budget": 0, "actual": 0},
                   {"item": "公务用车购置及运行", "budget": 8, "actual": 9},
                   {"item": "公务接待", "budget": 5, "actual": 4}]}""").put(path).then().statusCode(200);
        assertThat(ruleIds(code)).containsExactly("BUD-3P-001:budget", "BUD-3P-002:actual");

        // without a total the measures are the sums of the items
        given().contentType(ContentType.JSON).body("""
                {"amountUnit": "万元", "threePublicItems": [
                   {"item": "公务用车购置及运行", "budget": 8, "actual": 2, "budgetLastYear": 9, "actualLastYear": 7},
                   {"item": "公务接待", "budget": 4, "actual": 1, "budgetLastYear": 3}]}""").put(path).then().statusCode(200);
        assertThat(ruleIds(code)).isEmpty();
        given().get("/api/v1/units/" + code + "/years/2024/budget/measures").then()
                .body("measures.threePublicBudget", equalTo(12)).body("measures.threePublicActual", equalTo(3))
                .body("measures.threePublicBudgetLastYear", equalTo(12)).body("measures.threePublicActualLastYear", equalTo(7));

        given().contentType(ContentType.JSON).body("""
                {"amountUnit": "万元", "threePublicItems": [{"item": "公务宴请", "budget": 8}]}""").put(path)
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE).body("errors[0].field", equalTo("threePublicItems[0].item"));
        given().contentType(ContentType.JSON).body("""
                {"amountUnit": "万元", "threePublicItems": [{"item": "公务接待", "budget": 8}, {"item": "公务接待", "budget": 1}]}""")
                .put(path).then().statusCode(400).body("errors[0].field", equalTo("threePublicItems[1].item"));
    }

    @Test
    void executionByFunctionCodeIsValidatedAndCheckedAgainstTheTotals() {
        String code = unit();
        String path = "/api/v1/units/" + code + "/years/2024/budget/execution";
        given().contentType(ContentType.JSON).body("""
                {"amountUnit": "万元", "basicActual": 800, "projectActual": 150, "byFunction": [
                  {"code": "201", "name": "一般公共服务支出", "basicActual": 800, "projectActual": 100},
                  {"code": "20103", "basicActual": 790, "projectActual": 100}]}""").put(path).then().statusCode(200);
        assertThat(ruleIds(code)).containsExactly("BUD-HIER-003:basicActual", "BUD-EXE-003:projectActual");
        given().contentType(ContentType.JSON).body("""
                {"amountUnit": "万元", "byFunction": [{"code": "20103", "basicActual": 790, "projectActual": 100}]}""")
                .put(path).then().statusCode(400).body("errors[0].message", org.hamcrest.Matchers.startsWith("上级科目"));
    }

    @Test
    void adjustmentsListDrivesTheAdjustmentMeasures() {
        String code = unit();
        String year = "/api/v1/units/" + code + "/years/2024";
        given().contentType(ContentType.JSON).body(SMALL_TABLE).put(year + "/budget/expenditure").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Examples.ADJUSTMENTS).put(year + "/budget/adjustments").then().statusCode(200)
                .body("measures.adjustmentIncrease", equalTo(307)).body("measures.adjustmentDecrease", equalTo(0))
                .body("measures.adjustedBudget", equalTo(1307));
        assertThat(Golden.parse(given().get(year + "/budget/adjustments").asString())).isEqualTo(Golden.parse(Examples.ADJUSTMENTS));
        // 30.7 % but every adjustment has a reason: no finding
        assertThat(ruleIds(code)).isEmpty();

        String noReason = Examples.ADJUSTMENTS.replace("\"reason\": \"防汛救灾资金\", ", "");
        given().contentType(ContentType.JSON).body(noReason).put(year + "/budget/adjustments").then().statusCode(200);
        assertThat(ruleIds(code)).containsExactly("BUD-ADJ-001:reason");

        String withDecrease = Examples.ADJUSTMENTS.replace("\"kind\": \"调增\"", "\"kind\": \"调减\"");
        given().contentType(ContentType.JSON).body(withDecrease).put(year + "/budget/adjustments").then().statusCode(200)
                .body("measures.adjustmentIncrease", equalTo(300)).body("measures.adjustmentDecrease", equalTo(7))
                .body("measures.adjustmentNet", equalTo(293));
        // totals given in the execution that disagree with the list
        given().contentType(ContentType.JSON).body("{\"amountUnit\": \"万元\", \"adjustmentIncrease\": 307}")
                .put(year + "/budget/execution").then().statusCode(200).body("measures.adjustmentIncrease", equalTo(300));
        assertThat(ruleIds(code)).contains("BUD-ADJ-002:adjustmentIncrease");

        given().contentType(ContentType.JSON).body(Examples.ADJUSTMENTS.replace("\"追加\"", "\"调整\"")).put(year + "/budget/adjustments")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE).body("errors.field", hasItem("items[0].kind"));
        given().contentType(ContentType.JSON).body(Examples.ADJUSTMENTS.replace("2024-06-30", "2024-13-30")).put(year + "/budget/adjustments")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE).body("errors[0].field", equalTo("items[0].date"));
        given().contentType(ContentType.JSON).body(Examples.ADJUSTMENTS.replace("2024-06-30", "2019-06-30")).put(year + "/budget/adjustments")
                .then().statusCode(400).body("errors[0].field", equalTo("items[0].date"));
        given().contentType(ContentType.JSON).body(Examples.ADJUSTMENTS.replace("\"amount\": 300", "\"amount\": 300.001"))
                .put(year + "/budget/adjustments").then().statusCode(400).body("errors[0].field", equalTo("items[0].amount"));
        given().get(year + "/budget/adjustments").then().body("items[1].kind", equalTo("调减"));
    }

    @Test
    void theMeasureDictionaryListsEveryName() {
        List<Map<String, String>> all = given().get("/api/v1/measures").then().statusCode(200).body("total", equalTo(30))
                .extract().jsonPath().getList("items");
        Map<String, String> units = new java.util.HashMap<>();
        all.forEach(m -> units.put(m.get("name"), m.get("unit")));
        assertThat(units).containsEntry("staffAuthorized", "人").containsEntry("staffInService", "人")
                .containsEntry("paymentProgressActual", "%").containsEntry("paymentProgressPlanned", "%")
                .containsEntry("keyTasksAssigned", "件").containsEntry("keyTasksCompleted", "件")
                .containsEntry("yearStartBudget", "万元").containsEntry("carryOverBalance", "万元");
        assertThat(units).containsKeys("yearStartBudget", "basicBudget", "projectBudget", "adjustmentIncrease",
                "adjustmentDecrease", "adjustmentNet", "adjustedBudget", "basicActual", "projectActual", "totalActual",
                "yearEndBalance", "threePublicBudget", "threePublicActual",
                "staffAuthorized", "staffInService", "threePublicBudgetLastYear", "threePublicActualLastYear",
                "keyProjectSpending", "paymentProgressActual", "paymentProgressPlanned", "carryOverBalance",
                "carryOverBalanceLastYear", "publicRunningBudget", "publicRunningActual", "procurementBudget",
                "procurementActual", "fixedAssetsInUse", "fixedAssetsTotal", "keyTasksAssigned", "keyTasksCompleted");
        assertThat(units).hasSize(30);
    }
}
