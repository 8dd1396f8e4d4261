package cn.perfeval.budget;

import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The golden case loaded through the public API reads back identical and shows exactly its two slips. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class GoldenCaseTest {

    static JsonNode get(String path) {
        return Golden.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void goldenCaseReadsBackIdenticalToTheJson() {
        String code = Golden.newCode();
        Golden.load(code);
        String year = "/api/v1/units/" + code + "/years/2024";

        JsonNode unit = get("/api/v1/units/" + code);
        assertThat(unit.path("name").asText()).isEqualTo("湘潭县中路铺镇人民政府");
        assertThat(unit.path("offices")).isEqualTo(Golden.CASE.path("department").path("offices"));
        assertThat(unit.path("unitCode").asText()).isEqualTo(code);
        assertThat(unit.path("years").toString()).isEqualTo("[2024]");

        assertThat(get(year + "/budget/staff")).isEqualTo(Golden.CASE.path("staff"));

        ObjectNode summary = (ObjectNode) get(year + "/budget/budget-summary");
        assertThat(summary.remove("amountUnit").asText()).isEqualTo("万元");
        assertThat(summary).isEqualTo(Golden.CASE.path("budgetSummary"));

        JsonNode revenue = get(year + "/budget/revenue");
        assertThat(revenue.path("amountUnit").asText()).isEqualTo("万元");
        assertThat(revenue.path("rows")).isEqualTo(Golden.rows("revenueByFunction"));

        JsonNode expenditure = get(year + "/budget/expenditure");
        assertThat(expenditure.path("rows")).isEqualTo(Golden.rows("expenditureByFunction"));

        JsonNode execution = get(year + "/budget/execution");
        JsonNode e = Golden.CASE.path("execution");
        for (String f : List.of("basicActual", "projectActual", "yearEndBalance", "threePublicBudget", "threePublicActual")) {
            assertThat(execution.path(f)).as(f).isEqualTo(e.path(f));
        }

        JsonNode measures = get(year + "/budget/measures").path("measures");
        assertThat(measures.path("yearStartBudget").decimalValue()).isEqualByComparingTo("4988.65");
        assertThat(measures.path("basicBudget").decimalValue()).isEqualByComparingTo("3274.34");
        assertThat(measures.path("projectBudget").decimalValue()).isEqualByComparingTo("1714.31");
        assertThat(measures.path("adjustmentNet").decimalValue())
                .isEqualByComparingTo(Golden.CASE.path("execution").path("budgetAdjustmentNet").decimalValue());
        assertThat(measures.path("adjustedBudget").decimalValue()).isEqualByComparingTo("5295.65");
        assertThat(measures.path("totalActual").decimalValue()).isEqualByComparingTo("4413");
        assertThat(measures.path("staffAuthorized").decimalValue()).isEqualByComparingTo("136");
        assertThat(measures.path("staffInService").decimalValue()).isEqualByComparingTo("125");
    }

    @Test
    void goldenFindingsAreExactlyTheTwoSlips() {
        String code = Golden.newCode();
        Golden.load(code);
        String path = "/api/v1/units/" + code + "/years/2024/findings";
        assertThat(given().get(path).then().statusCode(200).extract().header("ETag")).isEqualTo("\"5\"");
        JsonNode view = get(path);
        assertThat(view.path("total").asInt()).isEqualTo(4);

        List<String> found = new ArrayList<>();
        for (JsonNode f : view.path("items")) {
            found.add(f.path("ruleId").asText() + " " + f.path("severity").asText() + " " + f.path("table").asText() + " "
                    + f.path("code").asText(null) + " " + f.path("column").asText() + " "
                    + f.path("expected").decimalValue().toPlainString() + " " + f.path("actual").decimalValue().toPlainString());
        }
        assertThat(found).containsExactly(
                // slip 1: 支出总表 2010499 prints 274.96 / 185.96 under 20104's 274.97 / 185.97 (收入总表: 274.97)
                "BUD-HIER-001 ERROR expenditure 20104 total 274.96 274.97",
                "BUD-HIER-001 ERROR expenditure 20104 basic 185.96 185.97",
                "BUD-XTAB-001 ERROR expenditure 2010499 total 274.97 274.96",
                // slip 2: "no year-end balance" although 4413 was spent of an adjusted budget of 5295.65
                "BUD-EXE-002 WARNING execution null yearEndBalance 882.65 0");

        JsonNode hier = view.path("items").get(0);
        assertThat(hier.path("severityLabel").asText()).isEqualTo("错误");
        assertThat(hier.path("tableLabel").asText()).isEqualTo("支出总表");
        assertThat(hier.path("columnLabel").asText()).isEqualTo("合计");
        assertThat(hier.path("message").asText()).contains("20104", "2010499", "274.97", "274.96", "0.01");
        JsonNode balance = view.path("items").get(3);
        assertThat(balance.path("severityLabel").asText()).isEqualTo("警告");
        assertThat(balance.path("tableLabel").asText()).isEqualTo("预算执行情况");
        assertThat(balance.path("columnLabel").asText()).isEqualTo("年末结余");
        assertThat(balance.path("message").asText()).contains("年末", "5295.65", "4413", "882.65");
        assertThat(balance.path("expected").decimalValue()).isEqualTo(new BigDecimal("882.65"));

        // the findings are part of the unit-year as well
        JsonNode unitYear = get("/api/v1/units/" + code + "/years/2024/budget");
        assertThat(unitYear.path("findings")).isEqualTo(view.path("items"));

        // one page at a time, with links that keep to the page size
        JsonNode second = get(path + "?page=1&size=3");
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0)).isEqualTo(view.path("items").get(3));
        assertThat(second.path("links").path("first").asText()).isEqualTo(path + "?page=0&size=3");
        assertThat(second.path("links").has("next")).isFalse();
    }

    @Test
    void findingsAreRecomputedOnEveryChange() {
        String code = Golden.newCode();
        Golden.load(code);
        String year = "/api/v1/units/" + code + "/years/2024";
        // correct the slip in the 支出总表: the hierarchy and cross-table findings go away
        String fixed = Golden.expenditure().replace("\"total\":274.96,\"basic\":185.96", "\"total\":274.97,\"basic\":185.97");
        assertThat(fixed).isNotEqualTo(Golden.expenditure());
        given().contentType("application/json").body(fixed).put(year + "/budget/expenditure").then().statusCode(200);
        JsonNode findings = get(year + "/findings").path("items");
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).path("ruleId").asText()).isEqualTo("BUD-EXE-002");
        // record the carry-over that explains the balance: nothing left
        String explained = Golden.execution().replace("\"yearEndBalance\":0", "\"yearEndBalance\":0,\"carryOver\":882.65");
        given().contentType("application/json").body(explained).put(year + "/budget/execution").then().statusCode(200);
        assertThat(get(year + "/findings").path("items")).isEmpty();
    }
}
