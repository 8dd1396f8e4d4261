package cn.perfeval.budget.api;

import cn.perfeval.budget.Golden;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import cn.perfeval.events.measures.Terms;
import cn.perfeval.testsupport.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of budget-service as a contract (docs/api.md): every example it shows is valid against
 * its schema, and the coverage is complete — every operation with an operationId, a Chinese summary and a
 * schema for every response, its own valid examples, every applicable status, every property and parameter
 * described in Chinese. The coverage line goes to {@code target/api-coverage.txt}. (That every response the
 * other tests receive is declared and matches its schema is checked on each of them, by test-support.)
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class ApiContractTest {

    static JsonNode document() {
        String json = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            // kept for whoever reads the coverage: the document the figures are about
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "openapi.json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Golden.parse(json);
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        assertThat(OpenApiContract.exampleViolations(document())).isEmpty();
    }

    @Test
    void coverageIsCompleteOnEveryLine() {
        // writes target/api-coverage.txt, as in the other services, and fails naming every gap
        OpenApiContract.Coverage coverage = OpenApiContract.assertComplete("budget-service",
                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port);
        System.out.println(coverage.line("budget-service"));
        assertThat(coverage.gaps()).isEmpty();
        assertThat(coverage.complete()).isTrue();
        assertThat(coverage.withSchemas()).isEqualTo(coverage.operations());
        assertThat(coverage.withOwnValidExamples()).isEqualTo(coverage.operations());
        assertThat(coverage.withEveryStatus()).isEqualTo(coverage.operations());
        assertThat(coverage.describedProperties()).isEqualTo(coverage.properties());
        assertThat(coverage.describedParameters()).isEqualTo(coverage.parameters());
        assertThat(coverage.operations()).isEqualTo(29);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void operationsFollowTheOneVocabulary() {
        JsonNode doc = document();
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (path.getKey().startsWith("/api/")) {
                    operations.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + op.getValue().path("operationId").asText()
                            + " " + op.getValue().path("tags").get(0).asText());
                }
            }
        }
        String year = "/api/v1/units/{unitCode}/years/{year}";
        assertThat(operations).containsExactlyInAnyOrder(
                "GET /api/v1/units listUnits 单位",
                "GET /api/v1/units/{unitCode} getUnit 单位",
                "PUT /api/v1/units/{unitCode} putUnit 单位",
                "GET " + year + "/budget getBudget 预算数据",
                "GET " + year + "/budget/expenditure getExpenditure 预算数据",
                "PUT " + year + "/budget/expenditure putExpenditure 预算数据",
                "GET " + year + "/budget/revenue getRevenue 预算数据",
                "PUT " + year + "/budget/revenue putRevenue 预算数据",
                "GET " + year + "/budget/budget-summary getBudgetSummary 预算数据",
                "PUT " + year + "/budget/budget-summary putBudgetSummary 预算数据",
                "GET " + year + "/budget/execution getExecution 预算数据",
                "PUT " + year + "/budget/execution putExecution 预算数据",
                "GET " + year + "/budget/staff getStaff 预算数据",
                "PUT " + year + "/budget/staff putStaff 预算数据",
                "GET " + year + "/budget/adjustments getAdjustments 预算数据",
                "PUT " + year + "/budget/adjustments putAdjustments 预算数据",
                "POST " + year + "/budget/import importBudget 预算数据",
                "GET " + year + "/budget/measures getUnitYearMeasures 度量",
                "GET " + year + "/findings listFindings 审核发现",
                "GET " + year + "/targets getTargets 绩效目标与分月执行",
                "PUT " + year + "/targets putTargets 绩效目标与分月执行",
                "PUT " + year + "/targets/{targetCode}/progress/{month} putTargetProgress 绩效目标与分月执行",
                "GET " + year + "/monthly-execution getMonthlyExecution 绩效目标与分月执行",
                "PUT " + year + "/monthly-execution putMonthlyExecution 绩效目标与分月执行",
                "PUT " + year + "/monthly-execution/{month} putMonth 绩效目标与分月执行",
                "GET /api/v1/measures listMeasures 度量",
                "GET /api/v1/audit listAudit 审计",
                "POST /api/v1/jobs/budget-imports createBudgetImportJob 批量作业",
                "GET /api/v1/jobs/{id} getJob 批量作业");

        // the 428 rule: the unit's master data needs If-Match once it exists, the budget tables take it optionally
        JsonNode putUnit = doc.path("paths").path("/api/v1/units/{unitCode}").path("put");
        assertThat(putUnit.path("responses").has("428")).isTrue();
        assertThat(putUnit.path("responses").has("412")).isTrue();
        assertThat(putUnit.path("responses").path("200").path("headers").has("ETag")).isTrue();
        JsonNode putExpenditure = doc.path("paths").path(year + "/budget/expenditure").path("put");
        assertThat(putExpenditure.path("responses").has("412")).isTrue();
        assertThat(putExpenditure.path("responses").has("428")).isFalse();
        assertThat(putExpenditure.path("parameters").toString()).contains("If-Match");
        // targets and their actual values are written by a person (428), the monthly execution comes from the budget system
        for (String written : List.of(year + "/targets", year + "/targets/{targetCode}/progress/{month}")) {
            assertThat(doc.path("paths").path(written).path("put").path("responses").has("428")).as(written).isTrue();
        }
        for (String imported : List.of(year + "/monthly-execution", year + "/monthly-execution/{month}")) {
            assertThat(doc.path("paths").path(imported).path("put").path("responses").has("412")).as(imported).isTrue();
            assertThat(doc.path("paths").path(imported).path("put").path("responses").has("428")).as(imported).isFalse();
        }

        // the closed sets are enumerations, and a code a person reads comes with its Chinese label
        JsonNode schemas = doc.path("components").path("schemas");
        // the labels are the one dictionary's words (Terms), as the reports print them
        JsonNode finding = schemas.path("Finding").path("properties");
        assertThat(strings(finding.path("severity").path("enum"))).containsExactlyInAnyOrderElementsOf(Terms.SEVERITIES.keySet());
        assertThat(strings(finding.path("severityLabel").path("enum"))).containsExactlyInAnyOrderElementsOf(Terms.SEVERITIES.values());
        assertThat(strings(finding.path("table").path("enum"))).containsExactlyInAnyOrderElementsOf(Terms.TABLES.keySet());
        assertThat(strings(finding.path("tableLabel").path("enum"))).containsExactlyInAnyOrderElementsOf(Terms.TABLES.values());
        assertThat(schemas.path("Adjustment").path("properties").path("kind").path("enum").toString()).contains("调增", "调减", "追加");
        assertThat(schemas.path("ThreePublicItem").path("properties").path("item").path("enum").toString()).contains("公务接待");
        assertThat(schemas.path("UnitRequest").path("properties").path("kind").path("enum").toString()).contains("行政", "事业");
        assertThat(schemas.path("AmountUnit").path("enum").toString()).contains("万元", "元");
        assertThat(schemas.path("RevenueRow").path("properties").path("generalBudgetFunding").path("description").asText())
                .contains("经费拨款", "万元");
    }
}
