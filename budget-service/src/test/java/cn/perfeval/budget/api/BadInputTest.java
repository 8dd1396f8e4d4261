package cn.perfeval.budget.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.budget.Golden;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Every kind of bad input the issue lists gets a 4xx problem+json naming what is wrong, and the
 * stored unit-year stays exactly as it was (same version, same body).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class BadInputTest {

    static ValidatableResponse put(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).put(path).then();
    }

    static void problem(ValidatableResponse r, int status) {
        r.statusCode(status).contentType(ProblemDetail.MEDIA_TYPE).body("status", equalTo(status)).body("type", notNullValue());
    }

    @Test
    void badInputOfEveryKindChangesNothing() {
        String code = Golden.newCode();
        Golden.load(code);
        String year = "/api/v1/units/" + code + "/years/2024";
        Supplier<String> snapshot = () -> given().get(year + "/budget").then().statusCode(200).header("ETag", "\"5\"").extract().asString();
        String before = snapshot.get();
        String exp = Golden.expenditure();
        String rev = Golden.revenue();

        // wrong types
        problem(put(year + "/budget/expenditure", exp.replace("\"total\":1363.4", "\"total\":\"lots\"")), 400);
        problem(put(year + "/budget/revenue", rev.replace("\"total\":1399", "\"total\":[1399]")), 400);
        problem(put(year + "/budget/staff", "{\"authorizedPosts\": 136.5}"), 400);
        problem(put(year + "/budget/execution", "{\"amountUnit\": \"美元\", \"basicActual\": 1}"), 400);
        problem(put(year + "/budget/adjustments", "{\"amountUnit\": \"万元\", \"items\": [{\"kind\": \"追加\", \"date\": \"yesterday\", \"code\": \"201\", \"amount\": 1}]}"), 400);
        // negative amounts
        put(year + "/budget/expenditure", exp.replace("\"basic\":327.37", "\"basic\":-327.37")).statusCode(400)
                .contentType(ProblemDetail.MEDIA_TYPE).body("errors.field", hasItem("rows[8].basic"));
        put(year + "/budget/execution", "{\"amountUnit\": \"万元\", \"projectActual\": -860}").statusCode(400)
                .body("errors.field", hasItem("projectActual"));
        // over-precise amounts
        put(year + "/budget/revenue", rev.replace("\"superiorSubsidy\":794.97", "\"superiorSubsidy\":794.975")).statusCode(400)
                .contentType(ProblemDetail.MEDIA_TYPE).body("errors.field", hasItem("rows[0].superiorSubsidy"));
        put(year + "/budget/budget-summary", Golden.budgetSummary().replace("\"revenueTotal\":4988.65", "\"revenueTotal\":4988.651"))
                .statusCode(400).body("errors.field", hasItem("revenueTotal"));
        // malformed codes
        put(year + "/budget/expenditure", exp.replace("\"code\":\"20103\"", "\"code\":\"2010\"")).statusCode(400)
                .body("errors.field", hasItem("rows[1].code"));
        put(year + "/budget/budget-summary", Golden.budgetSummary().replace("\"code\":\"213\"", "\"code\":\"2130\"")).statusCode(400)
                .body("errors.field", hasItem("expenditure[5].code"));
        // orphan codes
        put(year + "/budget/revenue", rev.replace("\"code\":\"20106\"", "\"code\":\"20107\"")).statusCode(400)
                .body("errors.field", hasItem("rows[7].code")).body("errors.message", hasItem(org.hamcrest.Matchers.startsWith("上级科目")));
        // duplicate rows
        put(year + "/budget/expenditure", exp.replace("\"code\":\"2010399\"", "\"code\":\"2010301\"")).statusCode(400)
                .body("errors.field", hasItem("rows[3].code"));
        // unknown units
        problem(put("/api/v1/units/NOSUCHUNIT1/years/2024/budget/expenditure", exp), 404);
        problem(put("/api/v1/units/nosuch-unit/years/2024/budget/expenditure", exp), 400);
        problem(given().get("/api/v1/units/NOSUCHUNIT1").then(), 404);
        problem(given().get("/api/v1/units/" + code + "/years/2031").then(), 404);
        // malformed JSON, missing body, unknown fields
        problem(put(year + "/budget/expenditure", "{\"amountUnit\": \"万元\", \"rows\": ["), 400);
        problem(put(year + "/budget/expenditure", ""), 400);
        problem(put(year + "/budget/staff", "{\"authorisedPosts\": 136}"), 400);
        // stale or malformed If-Match
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"4\"").body(exp).put(year + "/budget/expenditure").then(), 412);
        problem(given().contentType(ContentType.JSON).header("If-Match", "\"four\"").body(exp).put(year + "/budget/expenditure").then(), 400);
        // oversized bodies: too many rows, and more bytes than the service reads
        StringBuilder many = new StringBuilder("{\"amountUnit\": \"万元\", \"rows\": [");
        for (int i = 0; i < 2001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"code\":\"").append(100 + i % 900).append("\",\"name\":\"x\",\"total\":1,\"basic\":1,\"project\":0}");
        }
        put(year + "/budget/expenditure", many.append("]}").toString()).statusCode(400).contentType(ProblemDetail.MEDIA_TYPE)
                .body("errors.field", hasItem("rows"));
        byte[] huge = ("{\"amountUnit\": \"万元\", \"rows\": [], \"pad\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        problem(given().contentType(ContentType.JSON).body(huge).put(year + "/budget/expenditure").then(), 413);
        // malformed workbooks and CSV
        problem(given().contentType(TableImportMedia.XLSX).body(new byte[]{0x50, 0x4b, 0x03, 0x04, 1, 2, 3}).post(year + "/budget/import").then(), 400);
        problem(given().contentType("text/csv").queryParam("table", "revenue")
                .body("科目编码,科目名称,合计\n201,一般公共服务支出,abc\n".getBytes(StandardCharsets.UTF_8)).post(year + "/budget/import").then(), 400);
        // unsupported media type
        problem(given().contentType("text/plain").body("hello").put(year + "/budget/expenditure").then(), 415);

        assertThat(snapshot.get()).isEqualTo(before);
    }
}
