package cn.perfeval.budget.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.budget.Golden;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class UnitsAndTablesTest {

    static String unitIn(String county) {
        String code = Golden.newCode();
        given().contentType(ContentType.JSON).body(Examples.UNIT.replace("湘潭县\"", county + "\""))
                .put("/api/v1/units/" + code).then().statusCode(201);
        return code;
    }

    @Test
    void unitsKeepTheirOfficesAndListByCountyAndYearPaginated() {
        String county = "测试县" + UUID.randomUUID().toString().substring(0, 6);
        String a = unitIn(county);
        String b = unitIn(county);
        String c = unitIn(county);
        given().get("/api/v1/units/" + a).then().statusCode(200)
                .body("offices", equalTo(List.of("党政办公室", "党建办公室", "财政办公室")))
                .body("county", equalTo(county));
        given().contentType(ContentType.JSON).body(Examples.STAFF).put("/api/v1/units/" + a + "/years/2024/budget/staff").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Examples.STAFF).put("/api/v1/units/" + c + "/years/2024/budget/staff").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Examples.STAFF).put("/api/v1/units/" + b + "/years/2023/budget/staff").then().statusCode(200);

        given().queryParam("county", county).get("/api/v1/units").then().statusCode(200)
                .body("total", equalTo(3)).body("items.unitCode", equalTo(List.of(a, b, c).stream().sorted().toList()));
        List<String> in2024 = List.of(a, c).stream().sorted().toList();
        given().queryParam("county", county).queryParam("year", 2024).queryParam("size", 1).get("/api/v1/units")
                .then().statusCode(200).body("total", equalTo(2)).body("size", equalTo(1))
                .body("items.unitCode", equalTo(List.of(in2024.get(0))));
        given().queryParam("county", county).queryParam("year", 2024).queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/units").then().statusCode(200).body("items.unitCode", equalTo(List.of(in2024.get(1))));
        given().queryParam("year", 1999).get("/api/v1/units").then().statusCode(400)
                .contentType(ProblemDetail.MEDIA_TYPE).body("errors[0].field", equalTo("year"));
        given().queryParam("year", "abc").get("/api/v1/units").then().statusCode(400)
                .contentType(ProblemDetail.MEDIA_TYPE).body("errors[0].field", equalTo("year"));

        // replacing the offices replaces them whole
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Examples.UNIT.replace("\"党建办公室\", ", ""))
                .put("/api/v1/units/" + a)
                .then().statusCode(200).header("ETag", "\"2\"").body("offices", equalTo(List.of("党政办公室", "财政办公室")));
    }

    @Test
    void replacingAUnitNamesTheVersionItReplaces() {
        String code = Golden.newCode();
        String unit = "/api/v1/units/" + code;
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Examples.UNIT).put(unit)
                .then().statusCode(412).contentType(ProblemDetail.MEDIA_TYPE);
        given().contentType(ContentType.JSON).body(Examples.UNIT).put(unit)
                .then().statusCode(201).header("ETag", "\"1\"").body("unitCode", equalTo(code)).body("version", equalTo(1));
        given().get(unit).then().statusCode(200).header("ETag", "\"1\"");

        String renamed = Examples.UNIT.replace("湘潭县中路铺镇人民政府", "湘潭县中路铺镇");
        given().contentType(ContentType.JSON).body(renamed).put(unit)
                .then().statusCode(428).contentType(ProblemDetail.MEDIA_TYPE)
                .body("type", equalTo("/problems/precondition-required")).body("detail", startsWith("单位 " + code));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(renamed).put(unit)
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("湘潭县中路铺镇")).body("version", equalTo(2));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Examples.UNIT).put(unit)
                .then().statusCode(412).contentType(ProblemDetail.MEDIA_TYPE).body("type", equalTo("/problems/stale-version"));
        given().get(unit).then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("湘潭县中路铺镇"));
    }

    @Test
    void staffIsStoredPerYearAndFeedsTheMeasures() {
        String code = unitIn("湘潭县");
        given().contentType(ContentType.JSON).body(Examples.STAFF).put("/api/v1/units/" + code + "/years/2024/budget/staff")
                .then().statusCode(200).header("ETag", "\"1\"").body("staff.authorizedPosts", equalTo(136));
        JsonNode staff = Golden.parse(given().get("/api/v1/units/" + code + "/years/2024/budget/staff").asString());
        assertThat(staff).isEqualTo(Golden.parse(Examples.STAFF));
        given().get("/api/v1/units/" + code + "/years/2024/budget/measures").then().statusCode(200)
                .body("measures.staffAuthorized", equalTo(136)).body("measures.staffInService", equalTo(125));
        given().contentType(ContentType.JSON).body("{\"authorizedPosts\": -1}").put("/api/v1/units/" + code + "/years/2024/budget/staff")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE).body("errors[0].field", equalTo("authorizedPosts"));
        given().contentType(ContentType.JSON).body("{\"authorizedPosts\": \"many\"}").put("/api/v1/units/" + code + "/years/2024/budget/staff")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE).body("errors[0].field", equalTo("authorizedPosts"));
        given().get("/api/v1/units/" + code + "/years/2024/budget").then().header("ETag", "\"1\"").body("staff.inService", equalTo(125));
    }

    @Test
    void budgetSummaryIsReplacedWholeAndReadBackExactly() {
        String code = unitIn("湘潭县");
        String path = "/api/v1/units/" + code + "/years/2024/budget/budget-summary";
        given().get(path).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Examples.BUDGET_SUMMARY).put(path).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Examples.BUDGET_SUMMARY).put(path).then().statusCode(200).header("ETag", "\"2\"");
        assertThat(Golden.parse(given().get(path).asString())).isEqualTo(Golden.parse(Examples.BUDGET_SUMMARY));

        // in 元, converted exactly
        String yuan = Examples.BUDGET_SUMMARY.replace("\"万元\"", "\"元\"").replace("2135.35", "21353500.01")
                .replace("4988.65", "49886500.01").replace("1117.38", "11173800.01");
        given().contentType(ContentType.JSON).body(yuan).put(path).then().statusCode(200);
        String body = given().get(path).asString();
        assertThat(body).contains("\"amount\":2135.350001").contains("\"revenueTotal\":4988.650001").contains("\"amount\":1117.380001");
        assertThat(body).contains("\"amount\":0.18275}").contains("\"carryForwardToNextYear\":0.0000,");
    }

    @Test
    void budgetSummaryBadInputIsRefusedAndChangesNothing() {
        String code = unitIn("湘潭县");
        String path = "/api/v1/units/" + code + "/years/2024/budget/budget-summary";
        given().contentType(ContentType.JSON).body(Examples.BUDGET_SUMMARY).put(path).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Examples.BUDGET_SUMMARY.replace("\"204\"", "\"20401\"")).put(path)
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE).body("errors[0].field", equalTo("expenditure[1].code"));
        given().contentType(ContentType.JSON).body(Examples.BUDGET_SUMMARY.replace("\"204\"", "\"201\"")).put(path)
                .then().statusCode(400).body("errors[0].field", equalTo("expenditure[1].code"))
                .body("errors[0].message", startsWith("科目编码重复"));
        given().contentType(ContentType.JSON).body(Examples.BUDGET_SUMMARY.replace("\"amount\": 100", "\"amount\": -100")).put(path)
                .then().statusCode(400).body("errors[0].field", equalTo("revenue[2].amount"));
        given().contentType(ContentType.JSON).body(Examples.BUDGET_SUMMARY.replace("2135.35", "2135.351")).put(path)
                .then().statusCode(400).body("errors[0].field", equalTo("revenue[3].amount"));
        given().contentType(ContentType.JSON).body(Examples.BUDGET_SUMMARY.replace("\"政府性基金收入\"", "\"其他收入\"")).put(path)
                .then().statusCode(400).body("errors[0].message", startsWith("收入项目重复"));
        given().contentType(ContentType.JSON).body(Examples.BUDGET_SUMMARY.replace("\"item\": \"经费拨款\", \"amount\": 2753.3",
                        "\"item\": \"经费拨款\", \"amount\": 2753.3, \"children\": [{\"item\": \"x\", \"amount\": 1}]")).put(path)
                .then().statusCode(400).body("errors[0].field", equalTo("revenue[0].children[0].children"));
        given().contentType(ContentType.JSON).body(Examples.BUDGET_SUMMARY.replace("\"revenueTotal\"", "\"revenueTotalX\"")).put(path)
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE);
        given().get(path).then().statusCode(200).header("ETag", "\"1\"");
        assertThat(Golden.parse(given().get(path).asString())).isEqualTo(Golden.parse(Examples.BUDGET_SUMMARY));
    }

    @Test
    void revenueTableKeepsEmptyCellsAndRowOrderAndValidatesLikeTheExpenditureTable() {
        String code = unitIn("湘潭县");
        String path = "/api/v1/units/" + code + "/years/2024/budget/revenue";
        given().contentType(ContentType.JSON).body(Golden.revenue()).put(path).then().statusCode(200);
        assertThat(Golden.parse(given().get(path).asString()).path("rows")).isEqualTo(Golden.rows("revenueByFunction"));

        String revenue = Golden.revenue();
        given().contentType(ContentType.JSON).body(revenue.replace("\"specialAccountNonTax\":85", "\"specialAccountNonTax\":-85"))
                .put(path).then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE)
                .body("errors.field", hasItem("rows[22].specialAccountNonTax"));
        given().contentType(ContentType.JSON).body(revenue.replace("\"superiorSubsidy\":499.3", "\"superiorSubsidy\":499.301"))
                .put(path).then().statusCode(400).body("errors.field", hasItem("rows[22].superiorSubsidy"));
        given().contentType(ContentType.JSON).body(revenue.replace("\"code\":\"21205\"", "\"code\":\"21206\""))
                .put(path).then().statusCode(400).body("errors[0].field", equalTo("rows[23].code"))
                .body("errors[0].message", startsWith("上级科目"));
        given().contentType(ContentType.JSON).body(revenue.replace("\"code\":\"2120501\"", "\"code\":\"2120104\""))
                .put(path).then().statusCode(400).body("errors[0].message", startsWith("科目编码重复"));
        given().contentType(ContentType.JSON).body(revenue.replace("\"code\":\"2120501\"", "\"code\":\"21205O1\""))
                .put(path).then().statusCode(400).body("errors.field", hasItem("rows[23].code"));
        given().contentType(ContentType.JSON).body(revenue.replace("\"total\":773.55", "\"total\":\"lots\""))
                .put(path).then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE);
        given().get(path).then().statusCode(200).header("ETag", "\"1\"");

        // in 元, exactly
        given().contentType(ContentType.JSON).body("""
                {"amountUnit": "元", "rows": [{"code": "201", "name": "一般公共服务支出", "total": 18275000.05,
                  "generalBudget": 10275300.05, "superiorSubsidy": 7999700}]}""").put(path).then().statusCode(200);
        String body = given().get(path).asString();
        assertThat(body).contains("\"total\":1827.500005").contains("\"generalBudget\":1027.530005")
                .doesNotContain("governmentFund");
    }
}
