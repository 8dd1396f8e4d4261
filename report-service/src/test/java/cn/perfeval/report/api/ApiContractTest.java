package cn.perfeval.report.api;

import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import cn.perfeval.testsupport.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of report-service against docs/api.md: every example validates against its schema,
 * coverage is 100 % on every line (operations with schemas, own valid examples, every applicable status,
 * described properties and parameters; written to target/api-coverage.txt), and the operations are the ones
 * of docs/api.md, with their names, tags and statuses. That the responses the tests receive match the
 * document is checked for every test by OpenApiContract.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class ApiContractTest {

    static final String UNIT_YEAR = "/api/v1/units/{unitCode}/years/{year}";
    static final String SEASON = "/api/v1/counties/{county}/years/{year}/season";

    @Test
    void everyExampleValidatesAndCoverageIsComplete() throws Exception {
        OpenApiContract.Coverage coverage = OpenApiContract.assertComplete("report-service",
                RestAssured.baseURI + ":" + RestAssured.port);
        assertThat(coverage.operations()).isEqualTo(28); // twenty-seven of report-service and the audit trail
        assertThat(Files.readString(Path.of("target", "api-coverage.txt"), StandardCharsets.UTF_8))
                .startsWith("report-service")
                .contains("schemas 100 %", "own valid examples 100 %", "every applicable status 100 %",
                        "described properties 100 %", "described parameters 100 %");
    }

    @Test
    void theOperationsAreThoseOfTheOneVocabulary() {
        JsonNode doc = OpenApiContract.document(RestAssured.baseURI + ":" + RestAssured.port);
        Map<String, String> operations = new TreeMap<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (m.getValue().has("operationId")) {
                operations.put(m.getKey().toUpperCase() + " " + p.getKey(), m.getValue().path("operationId").asText());
            }
        }));
        Map<String, String> expected = new TreeMap<>(Map.of(
                "GET " + UNIT_YEAR + "/report", "getReport",
                "GET " + UNIT_YEAR + "/narrative", "getNarrative",
                "PUT " + UNIT_YEAR + "/narrative", "putNarrative",
                "GET " + UNIT_YEAR + "/narrative/versions", "listNarrativeVersions",
                "GET " + UNIT_YEAR + "/narrative/versions/{version}", "getNarrativeVersion",
                "GET /api/v1/counties/{county}/years/{year}/summary", "getCountySummary",
                "GET /api/v1/audit", "listAudit"));
        expected.putAll(Map.of(
                "GET /api/v1/counties/{county}/years/{year}/monitoring-settings", "getMonitoringSettings",
                "PUT /api/v1/counties/{county}/years/{year}/monitoring-settings", "putMonitoringSettings",
                "GET " + UNIT_YEAR + "/monitoring", "getUnitMonitoring",
                "GET /api/v1/counties/{county}/years/{year}/monitoring", "getCountyMonitoring",
                "GET " + UNIT_YEAR + "/monitoring-report", "getUnitMonitoringReport",
                "GET /api/v1/counties/{county}/years/{year}/monitoring-report", "getCountyMonitoringReport"));
        expected.putAll(Map.of(
                "POST /api/v1/counties/{county}/years/{year}/season", "createSeason",
                "GET /api/v1/counties/{county}/years/{year}/season", "getSeason",
                "GET /api/v1/counties/{county}/years/{year}/season/tasks", "listSeasonTasks",
                "GET " + UNIT_YEAR + "/task", "getTask",
                "POST " + UNIT_YEAR + "/task/transitions", "postTaskTransition",
                "GET " + UNIT_YEAR + "/submissions", "listSubmissions",
                "GET " + UNIT_YEAR + "/submissions/{number}", "getSubmission",
                "GET " + UNIT_YEAR + "/submissions/{number}/report", "getSubmissionReport",
                "GET " + UNIT_YEAR + "/submissions/{number}/diff", "getSubmissionDiff"));
        expected.putAll(Map.of(
                "POST " + SEASON + "/samples", "drawSeasonSample",
                "GET " + SEASON + "/samples", "listSeasonSamples",
                "GET " + SEASON + "/samples/{number}", "getSeasonSample",
                "GET " + SEASON + "/overview", "getSeasonOverview",
                "GET " + SEASON + "/review-report", "getSeasonReviewReport",
                "PUT " + SEASON + "/settings", "putSeasonSettings"));
        assertThat(operations).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(doc.path("paths").fieldNames()).toIterable().allMatch(p -> p.startsWith("/api/v1/") || p.startsWith("/problems"));

        JsonNode narrative = doc.path("paths").path(UNIT_YEAR + "/narrative");
        assertThat(statuses(narrative.path("put"))).contains("200", "400", "401", "403", "412", "413", "415", "428", "503");
        assertThat(narrative.path("put").path("responses").path("200").path("headers").has("ETag")).isTrue();
        assertThat(narrative.path("get").path("responses").path("200").path("headers").has("ETag")).isTrue();
        assertThat(narrative.path("put").path("parameters").findValuesAsText("name")).contains("If-Match");
        JsonNode report = doc.path("paths").path(UNIT_YEAR + "/report").path("get");
        assertThat(statuses(report)).contains("200", "400", "401", "403", "404", "406", "503");
        assertThat(statuses(doc.path("paths").path("/api/v1/counties/{county}/years/{year}/summary").path("get")))
                .contains("200", "400", "401", "403", "404", "406", "503");

        // the closed set of formats, binary formats as binary strings, JSON with its schema
        List<String> formats = new ArrayList<>();
        report.path("parameters").forEach(p -> {
            if (p.path("name").asText().equals("format")) {
                p.path("schema").path("enum").forEach(f -> formats.add(f.asText()));
            }
        });
        assertThat(formats).containsExactlyInAnyOrder("docx", "pdf", "html", "md", "json");
        JsonNode content = report.path("responses").path("200").path("content");
        assertThat(content.path(ReportResource.PDF).path("schema").path("format").asText()).isEqualTo("binary");
        assertThat(content.path(ReportResource.DOCX).path("schema").path("format").asText()).isEqualTo("binary");
        assertThat(content.path("application/json").path("schema").path("$ref").asText()).endsWith("/ReportDocument");
        assertThat(doc.path("components").path("schemas").path("NarrativeVersion").path("properties").path("savedAt")
                .path("format").asText()).isEqualTo("date-time");

        // tags of the work, in Chinese
        List<String> tags = new ArrayList<>();
        doc.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        assertThat(tags).containsSubsequence("报告", "县级汇总");
        assertThat(report.path("tags").get(0).asText()).isEqualTo("报告");
    }

    private static List<String> statuses(JsonNode operation) {
        List<String> out = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(out::add);
        return out;
    }
}
