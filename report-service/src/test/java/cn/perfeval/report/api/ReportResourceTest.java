package cn.perfeval.report.api;

import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class ReportResourceTest {

    /**
     * The golden case's budget event as budget-service publishes it (GoldenCase: the recording of
     * budget-service's RecordedEventTest), for this unit, name and version, with 2010301 行政运行's
     * basic expenditure set to {@code basic2010301} so that versions can be told apart in the report.
     */
    static String budgetEvent(String unit, String name, long version, String basic2010301) {
        ObjectNode e = GoldenCase.budgetEvent(unit, version, "湘潭县", name);
        for (JsonNode row : e.path("tables").path("expenditure")) {
            if (row.path("code").asText().equals("2010301")) {
                ((ObjectNode) row).put("basic", new BigDecimal(basic2010301));
            }
        }
        return e.toString();
    }

    /** The same event holding the 支出总表 alone, as budget-service publishes a unit-year that has only that table. */
    static String budgetEventWithExpenditureOnly(String unit, String name) {
        ObjectNode e = GoldenCase.budgetEvent(unit, 1, "湘潭县", name);
        ((ObjectNode) e.path("tables")).putNull("budgetSummary");
        ((ObjectNode) e.path("tables")).putArray("revenue");
        return e.toString();
    }

    /** The golden case's score event as scoring-service publishes it (the recording of RecordedScoreEventTest). */
    static ObjectNode scoreEvent(String unit, long version) {
        return GoldenCase.scoreEvent(unit, version, 1);
    }

    static void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                EmbeddedInfrastructure.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(topic, key, value));
            p.flush();
        }
    }

    static String newUnit() {
        return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    @Test
    void reportShowsTablesScoresAndProvenanceInEveryFormat() {
        String unit = newUnit();
        send("budget-events", unit + ":2024", budgetEventWithExpenditureOnly(unit, "测试镇人民政府"));
        send("score-events", unit + ":2024", scoreEvent(unit, 1).toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                        .body("provenance.scoreVersion", equalTo(1)));

        asAdmin().accept("application/json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .body("title", equalTo("测试镇人民政府2024年度部门整体支出绩效评价自评报告"))
                .body("provenance.budgetVersion", equalTo(1))
                .body("conclusion.total", equalTo(93))
                .body("conclusion.grade", equalTo("优"))
                // only the tables the budget event holds: here the 支出总表 alone
                .body("sections.heading", org.hamcrest.Matchers.hasItem("1.年初部门预算支出总表"))
                .body("sections.heading", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("收支总表"))))
                .body("sections.heading", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("收入总表"))));

        String html = asAdmin().accept("text/html").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(html).contains("<td>2010301</td><td>行政运行</td><td class=\"num\">1363.4</td>")
                .contains("基本支出实际支出数 / 基本支出年初预算数 × 100 = 3553 / 3274.34 × 100 = 108.51 %")
                .contains("综上所述，预算执行考核指标总计30分，扣2分，得28分。")
                .contains("自评得分93分，评定等次：优");

        String md = asAdmin().queryParam("format", "md").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .contentType("text/markdown").extract().asString();
        assertThat(md).contains("| 2010301 | 行政运行 | 1363.4 | 1195.4 | 168 |").contains("评分第1版");
    }

    @Test
    void aNewerBudgetVersionChangesTheReportAndAnOlderOneDoesNot() {
        String unit = newUnit();
        send("budget-events", unit + ":2024", budgetEvent(unit, "测试镇", 2, "1195.4"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200));
        send("budget-events", unit + ":2024", budgetEvent(unit, "测试镇", 1, "1.11"));
        send("budget-events", unit + ":2024", budgetEvent(unit, "测试镇", 3, "1195.39"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then()
                        .body("provenance.budgetVersion", equalTo(3)));
        assertThat(asAdmin().queryParam("format", "md").get("/api/v1/units/" + unit + "/years/2024/report").asString())
                .contains("| 1195.39 |").doesNotContain("1.11");
    }

    @Test
    void withoutASystemTheReportShowsTheAssignedScoreEvenWhenAnotherArrivedLater() {
        String unit = newUnit();
        send("budget-events", unit + ":2024", budgetEvent(unit, "测试镇", 1, "1195.4"));
        send("score-events", unit + ":2024", scoreEvent(unit, 1).put("assigned", true).toString());
        ObjectNode other = scoreEvent(unit, 1).put("total", 9).put("complete", false).put("assigned", false);
        ((ObjectNode) other.path("system")).put("code", "national-common");
        send("score-events", unit + ":2024", other.toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").queryParam("system", "national-common")
                        .get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200).body("provenance.systemCode", equalTo("national-common")));
        asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .body("provenance.systemCode", equalTo("xiangtan-county"))
                .body("conclusion.total", equalTo(93));
    }

    @Test
    void textIsEscapedInHtmlAndMarkdown() {
        String unit = newUnit();
        send("budget-events", unit + ":2024", budgetEvent(unit, "<script>alert(1)</script>镇", 1, "1195.4"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "html").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200));
        String html = asAdmin().queryParam("format", "html").get("/api/v1/units/" + unit + "/years/2024/report").asString();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;镇");
        String md = asAdmin().queryParam("format", "md").get("/api/v1/units/" + unit + "/years/2024/report").asString();
        assertThat(md).doesNotContain("<script>");
    }

    @Test
    void openApiDocumentsEveryOperationWithExamples() {
        String openapi = asAdmin().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/v1/units/{unitCode}/years/{year}/report", "/api/v1/units/{unitCode}/years/{year}/narrative",
                        "/api/v1/units/{unitCode}/years/{year}/narrative/versions/{version}", "/api/v1/counties/{county}/years/{year}/summary",
                        "/problems/pdf-font-missing", "/problems/stale-version",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .contains("\"412\"", "\"428\"", "\"503\"", "\"406\"");
    }

    @Test
    void unknownUnitOrFormatGetsProblemJson() {
        asAdmin().accept("application/json").get("/api/v1/units/NOPE/years/2024/report").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().queryParam("format", "pdfx").get("/api/v1/units/NOPE/years/2024/report").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
    }
}
