package cn.perfeval.budget.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.budget.Golden;
import cn.perfeval.budget.TestAuth;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every change leaves one audit entry, with who, what and the data before and after; refused ones leave none. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class AuditTrailTest {

    static JsonNode audit(String query) {
        return Golden.parse(given().get("/api/v1/audit?" + query).then().statusCode(200).extract().asString());
    }

    static List<String> actions(JsonNode page) {
        List<String> a = new ArrayList<>();
        page.path("items").forEach(i -> a.add(i.path("action").asText()));
        return a;
    }

    @Test
    void everyChangeIsRecordedNewestFirstWithBeforeAndAfter() {
        String code = Golden.newCode();
        String year = "/api/v1/units/" + code + "/years/2024";
        String finance = TestAuth.tokens().finance(code);
        given().contentType(ContentType.JSON).body(Golden.unit()).put("/api/v1/units/" + code).then().statusCode(201);

        JsonNode created = audit("unitCode=" + code).path("items").get(0);
        assertThat(created.path("action").asText()).isEqualTo("unit.create");
        assertThat(created.path("actor").asText()).isEqualTo("admin");
        assertThat(created.path("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(created.path("year").isNull()).isTrue();
        assertThat(created.path("before").isNull()).isTrue();
        assertThat(created.path("after").path("name").asText()).isEqualTo(Golden.parse(Golden.unit()).path("name").asText());

        // the unit's finance staff writes its own staff twice: the second entry has the first as "before"
        TestAuth.as(finance).contentType(ContentType.JSON).body("{\"authorizedPosts\": 130, \"inService\": 120}")
                .put(year + "/budget/staff").then().statusCode(200);
        TestAuth.as(finance).contentType(ContentType.JSON).body(Golden.staff()).put(year + "/budget/staff").then().statusCode(200);
        JsonNode staff = audit("unitCode=" + code + "&year=2024&actor=finance-" + code);
        assertThat(staff.path("total").asInt()).isEqualTo(2);
        JsonNode second = staff.path("items").get(0);
        JsonNode first = staff.path("items").get(1);
        assertThat(first.path("before").isNull()).as("a new unit-year has nothing before").isTrue();
        assertThat(first.path("after").path("version").asInt()).isEqualTo(1);
        assertThat(second.path("roles").toString()).isEqualTo("[\"finance\"]");
        assertThat(second.path("target").asText()).isEqualTo("staff");
        assertThat(second.path("before").path("version").asInt()).isEqualTo(1);
        assertThat(second.path("before").path("staff").path("authorizedPosts").asInt()).isEqualTo(130);
        assertThat(second.path("after").path("staff")).isEqualTo(Golden.parse(Golden.staff()));
        assertThat(second.path("after").path("version").asInt()).isEqualTo(2);
        assertThat(second.path("at").asText()).isGreaterThanOrEqualTo(first.path("at").asText());

        // every other kind of change
        given().contentType(ContentType.JSON).body(Golden.budgetSummary()).put(year + "/budget/budget-summary").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Golden.revenue()).put(year + "/budget/revenue").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Golden.expenditure()).put(year + "/budget/expenditure").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Golden.execution()).put(year + "/budget/execution").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Examples.ADJUSTMENTS).put(year + "/budget/adjustments").then().statusCode(200);
        given().contentType(TableImportMedia.XLSX).body(ImportTest.bytes(ImportTest.goldenWorkbook())).post(year + "/budget/import")
                .then().statusCode(200);
        given().contentType(TableImportMedia.CSV).queryParam("table", "expenditure")
                .body(AccessMatrixTest.csvExpenditure().getBytes(StandardCharsets.UTF_8)).post(year + "/budget/import").then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Golden.unit().replace("\"行政\"", "\"事业\""))
                .put("/api/v1/units/" + code).then().statusCode(200);

        // refused changes leave nothing
        given().contentType(ContentType.JSON).body("{\"authorizedPosts\": -1}").put(year + "/budget/staff").then().statusCode(400);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Golden.staff()).put(year + "/budget/staff").then().statusCode(412);
        TestAuth.as(TestAuth.tokens().viewer()).contentType(ContentType.JSON).body(Golden.staff()).put(year + "/budget/staff").then().statusCode(403);

        JsonNode all = audit("unitCode=" + code + "&size=100");
        assertThat(actions(all)).containsExactly("unit.update", "import", "import", "adjustments.replace",
                "execution.replace", "expenditure.replace", "revenue.replace", "budget-summary.replace",
                "staff.replace", "staff.replace", "unit.create");
        assertThat(all.path("total").asInt()).isEqualTo(11);
        JsonNode csv = all.path("items").get(1);
        assertThat(csv.path("target").asText()).isEqualTo("csv:expenditure");
        assertThat(csv.path("after").path("expenditure").path("rows").size()).isEqualTo(Golden.rows("expenditureByFunction").size());
        JsonNode xlsx = all.path("items").get(2);
        assertThat(xlsx.path("target").asText()).isEqualTo("xlsx:budget-summary,revenue,expenditure");
        assertThat(xlsx.path("before").path("revenue").path("rows").size()).isEqualTo(Golden.parse(Golden.revenue()).path("rows").size());
        assertThat(xlsx.path("after").path("budget-summary").path("revenueTotal").decimalValue())
                .isEqualByComparingTo(Golden.parse(Golden.budgetSummary()).path("revenueTotal").decimalValue());
        JsonNode unitUpdate = all.path("items").get(0);
        assertThat(unitUpdate.path("before").path("kind").asText()).isEqualTo("行政");
        assertThat(unitUpdate.path("after").path("kind").asText()).isEqualTo("事业");
        JsonNode execution = all.path("items").get(4);
        assertThat(execution.path("after").path("execution").path("basicActual").decimalValue())
                .isEqualByComparingTo(Golden.parse(Golden.execution()).path("basicActual").decimalValue());

        // paging and filters
        JsonNode page = audit("unitCode=" + code + "&size=3&page=1");
        assertThat(actions(page)).containsExactly("adjustments.replace", "execution.replace", "expenditure.replace");
        assertThat(page.path("total").asInt()).isEqualTo(11);
        assertThat(audit("unitCode=" + code + "&year=2023").path("total").asInt()).isZero();
        assertThat(audit("actor=finance-" + code).path("total").asInt()).isEqualTo(2);
        given().get("/api/v1/audit?year=1999").then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE);
        given().get("/api/v1/audit?size=0").then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE);
        given().get("/api/v1/audit?unitCode=bad-code").then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE);
    }
}
