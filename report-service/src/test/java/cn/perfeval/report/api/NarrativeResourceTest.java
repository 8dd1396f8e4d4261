package cn.perfeval.report.api;

import cn.perfeval.report.support.GoldenCase;
import com.fasterxml.jackson.databind.JsonNode;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class NarrativeResourceTest {

    static final String STALE = "/problems/stale-version";
    static final String IF_MATCH_REQUIRED = "/problems/precondition-required";

    static String path(String unit) {
        return "/api/v1/units/" + unit + "/years/2024/narrative";
    }

    @Test
    void aNewUnitYearStartsFromTheSkeleton() {
        String unit = GoldenCase.newUnit();
        asAdmin().get(path(unit)).then().statusCode(200).header("ETag", "\"0\"")
                .body("version", equalTo(0))
                .body("narrative.overview", startsWith("【待填写】"))
                .body("narrative.analysisIntro", startsWith("根据收集的绩效资料"))
                .body("narrative.issuer", equalTo("本单位"));
        asAdmin().get(path(unit) + "/versions").then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
    }

    @Test
    void everySaveIsANewVersionAndTheHistoryStaysReadable() {
        String unit = GoldenCase.newUnit();
        asAdmin().contentType("application/json").body("{\"overview\": \"初稿\\n第二段\", \"issuedOn\": \"2025-05-26\"}")
                .put(path(unit)).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        asAdmin().contentType("application/json").header("If-Match", "\"1\"").body(GoldenCase.NARRATIVE.toString())
                .put(path(unit)).then().statusCode(200).body("version", equalTo(2));

        asAdmin().get(path(unit)).then().statusCode(200).body("version", equalTo(2))
                .body("narrative.outputs", equalTo(GoldenCase.NARRATIVE.path("outputs").asText()));
        List<Integer> versions = asAdmin().get(path(unit) + "/versions").then().statusCode(200)
                .extract().jsonPath().getList("items.version", Integer.class);
        assertThat(versions).containsExactly(1, 2);
        asAdmin().get(path(unit) + "/versions/1").then().statusCode(200)
                .body("narrative.overview", equalTo("初稿\n第二段"))
                .body("narrative.issuedOn", equalTo("2025-05-26"));
        asAdmin().get(path(unit) + "/versions/9").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void ifMatchRefusesASaveOverSomeoneElsesChange() {
        String unit = GoldenCase.newUnit();
        asAdmin().contentType("application/json").body("{\"overview\": \"A\"}").put(path(unit)).then().statusCode(200);
        asAdmin().contentType("application/json").header("If-Match", "\"1\"").body("{\"overview\": \"B\"}")
                .put(path(unit)).then().statusCode(200).body("version", equalTo(2));
        asAdmin().contentType("application/json").header("If-Match", "\"1\"").body("{\"overview\": \"C\"}")
                .put(path(unit)).then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo(STALE));
        asAdmin().get(path(unit)).then().body("narrative.overview", equalTo("B"));
    }

    @Test
    void invalidBodiesArePlainProblems() {
        String unit = GoldenCase.newUnit();
        asAdmin().contentType("application/json").body("{\"overveiw\": \"typo\"}").put(path(unit)).then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().contentType("application/json").body("{\"issuedOn\": \"26.05.2025\"}").put(path(unit)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("issuedOn"));
        asAdmin().contentType("application/json").body("{\"issuer\": \"" + "长".repeat(201) + "\"}").put(path(unit)).then()
                .statusCode(400).body("errors[0].field", equalTo("issuer"));
        asAdmin().contentType("application/json").body("{}").put("/api/v1/units/" + unit + "/years/3000/narrative").then()
                .statusCode(400).body("errors[0].field", equalTo("year"));
    }

    @Test
    void theReportUsesTheNewestNarrativeAndNamesItsVersion() {
        String unit = GoldenCase.newUnit();
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                        .body("provenance.text", equalTo("本报告依据：预算数据第1版；评分：尚无；文字材料：尚未保存（使用模板）。"))
                        .body("sections[0].blocks[0].text", startsWith("【待填写】")));
        asAdmin().contentType("application/json").body("{\"overview\": \"第一版概述\"}").put(path(unit)).then().statusCode(200);
        asAdmin().contentType("application/json").header("If-Match", "\"1\"").body("{\"overview\": \"第二版概述\"}").put(path(unit))
                .then().statusCode(200);
        asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .body("provenance.narrativeVersion", equalTo(2))
                .body("sections[0].heading", equalTo("一、工作概述"))
                .body("sections[0].blocks[0].text", equalTo("第二版概述"));
    }

    @Test
    void onceANarrativeExistsASaveMustNameTheVersionItReplaces() {
        String unit = GoldenCase.newUnit();
        // the first save creates it and needs no If-Match
        asAdmin().contentType("application/json").body("{\"overview\": \"A\"}").put(path(unit)).then().statusCode(200)
                .header("ETag", "\"1\"");
        // now one without If-Match is refused with 428 and stores nothing
        asAdmin().contentType("application/json").body("{\"overview\": \"B\"}").put(path(unit)).then().statusCode(428)
                .contentType("application/problem+json").body("type", equalTo(IF_MATCH_REQUIRED)).body("status", equalTo(428));
        asAdmin().contentType("application/json").header("If-Match", " ").body("{\"overview\": \"B\"}").put(path(unit)).then()
                .statusCode(428);
        asAdmin().get(path(unit)).then().statusCode(200).header("ETag", "\"1\"").body("narrative.overview", equalTo("A"));
        asAdmin().get(path(unit) + "/versions").then().statusCode(200).body("total", equalTo(1));
        // with the ETag of the GET it is stored, and the answer carries the new ETag
        String etag = asAdmin().get(path(unit)).then().extract().header("ETag");
        asAdmin().contentType("application/json").header("If-Match", etag).body("{\"overview\": \"B\"}").put(path(unit)).then()
                .statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
        asAdmin().get(path(unit)).then().statusCode(200).header("ETag", "\"2\"").body("narrative.overview", equalTo("B"));
    }

    @Test
    void theSkeletonsETagMayBeSentWithTheFirstSaveButNoOtherVersion() {
        String unit = GoldenCase.newUnit();
        String other = GoldenCase.newUnit();
        asAdmin().contentType("application/json").header("If-Match", "\"1\"").body("{\"overview\": \"A\"}").put(path(unit))
                .then().statusCode(412).contentType("application/problem+json").body("type", equalTo(STALE));
        asAdmin().get(path(unit) + "/versions").then().statusCode(200).body("total", equalTo(0));
        String skeleton = asAdmin().get(path(other)).then().statusCode(200).extract().header("ETag");
        assertThat(skeleton).isEqualTo("\"0\"");
        asAdmin().contentType("application/json").header("If-Match", skeleton).body("{\"overview\": \"A\"}").put(path(other))
                .then().statusCode(200).header("ETag", "\"1\"");
        asAdmin().contentType("application/json").header("If-Match", "\"第一版\"").body("{\"overview\": \"B\"}").put(path(other))
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().get(path(other)).then().body("version", equalTo(1)).body("narrative.overview", equalTo("A"));
    }

    @Test
    void theDocumentedExampleIsWhatASaveStoresAndAnswers() throws Exception {
        String unit = GoldenCase.newUnit();
        JsonNode sent = GoldenCase.JSON.readTree(Examples.NARRATIVE);
        String saved = asAdmin().contentType("application/json").body(Examples.NARRATIVE).put(path(unit)).then().statusCode(200)
                .extract().asString();
        JsonNode answer = GoldenCase.JSON.readTree(saved);
        JsonNode example = GoldenCase.JSON.readTree(Examples.NARRATIVE_VERSION);
        assertThat(answer.path("narrative")).isEqualTo(sent);
        assertThat(fieldNames(answer)).isEqualTo(fieldNames(example));
        assertThat(answer.path("unitCode").asText()).isEqualTo(unit);
        assertThat(answer.path("year").asInt()).isEqualTo(2024);
        assertThat(answer.path("savedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

        JsonNode page = GoldenCase.JSON.readTree(asAdmin().queryParam("size", 1).get(path(unit) + "/versions").then()
                .statusCode(200).extract().asString());
        assertThat(fieldNames(page)).isEqualTo(fieldNames(GoldenCase.JSON.readTree(Examples.NARRATIVE_HISTORY)));
        assertThat(page.path("items").get(0)).isEqualTo(answer);
        assertThat(page.path("total").asInt()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("links").path("self").asText()).isEqualTo(path(unit) + "/versions?page=0&size=1");
    }

    private static java.util.Set<String> fieldNames(JsonNode n) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
