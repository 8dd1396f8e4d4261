package cn.perfeval.report.api;

import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

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

    static String budgetEvent(String unit, String name, long version, String basic2010301) {
        return """
                {"type": "BudgetUnitYearChanged", "schemaVersion": 1, "unitCode": "%s", "fiscalYear": 2024, "version": %d,
                 "unit": {"code": "%s", "name": "%s", "county": "湘潭县", "province": "湖南省"},
                 "amountUnit": "万元",
                 "measures": {"yearStartBudget": 1827.5, "basicBudget": 1570.5, "projectBudget": 257},
                 "tables": {"expenditure": [
                   {"code": "201", "name": "一般公共服务支出", "total": 1827.5, "basic": 1570.5, "project": 257},
                   {"code": "20103", "name": "政府办公厅（室）及相关机构事务", "total": 1827.5, "basic": 1570.5, "project": 257},
                   {"code": "2010301", "name": "行政运行", "total": 1827.5, "basic": %s, "project": 257}]}}
                """.formatted(unit, version, unit, name, basic2010301);
    }

    static String scoreEvent(String unit, long version) {
        return """
                {"type": "UnitYearScored", "schemaVersion": 1, "unitCode": "%s", "fiscalYear": 2024, "version": %d,
                 "budgetVersion": 1, "system": {"code": "xiangtan-county", "version": 1, "name": "县级模板"},
                 "total": 93, "maxTotal": 100, "grade": "优", "complete": true,
                 "groups": [{"code": "A", "name": "预算执行", "parent": null, "maxPoints": 30, "points": 28}],
                 "indicators": [{"code": "A2", "name": "基本支出预算控制率", "group": "A", "maxPoints": 5, "points": 4,
                   "status": "SCORED", "explanation": "基本支出预算控制率 = basicActual / basicBudget * 100 = 3553 / 3274.34 * 100 = 108.51 %%，在区间 (100, 110] 内，得 4 分"}]}
                """.formatted(unit, version);
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
        send("budget-events", unit + ":2024", budgetEvent(unit, "测试镇人民政府", 1, "1570.5"));
        send("score-events", unit + ":2024", scoreEvent(unit, 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/reports/" + unit + "/2024").then().statusCode(200)
                        .body("provenance.scoreVersion", equalTo(1)));

        asAdmin().accept("application/json").get("/api/reports/" + unit + "/2024").then().statusCode(200)
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

        String html = asAdmin().accept("text/html").get("/api/reports/" + unit + "/2024").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(html).contains("<td>2010301</td><td>行政运行</td><td class=\"num\">1827.5</td>")
                .contains("基本支出实际支出数 / 基本支出年初预算数 × 100 = 3553 / 3274.34 × 100 = 108.51 %")
                .contains("综上所述，预算执行考核指标总计30分，扣2分，得28分。")
                .contains("自评得分93分，评定等次：优");

        String md = asAdmin().queryParam("format", "markdown").get("/api/reports/" + unit + "/2024").then().statusCode(200)
                .contentType("text/markdown").extract().asString();
        assertThat(md).contains("| 2010301 | 行政运行 | 1827.5 | 1570.5 | 257 |").contains("评分第1版");
    }

    @Test
    void aNewerBudgetVersionChangesTheReportAndAnOlderOneDoesNot() {
        String unit = newUnit();
        send("budget-events", unit + ":2024", budgetEvent(unit, "测试镇", 2, "1570.5"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/reports/" + unit + "/2024").then().statusCode(200));
        send("budget-events", unit + ":2024", budgetEvent(unit, "测试镇", 1, "1.11"));
        send("budget-events", unit + ":2024", budgetEvent(unit, "测试镇", 3, "1570.49"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/reports/" + unit + "/2024").then()
                        .body("provenance.budgetVersion", equalTo(3)));
        assertThat(asAdmin().queryParam("format", "markdown").get("/api/reports/" + unit + "/2024").asString())
                .contains("| 1570.49 |").doesNotContain("1.11");
    }

    @Test
    void withoutASystemTheReportShowsTheAssignedScoreEvenWhenAnotherArrivedLater() {
        String unit = newUnit();
        send("budget-events", unit + ":2024", budgetEvent(unit, "测试镇", 1, "1570.5"));
        send("score-events", unit + ":2024", scoreEvent(unit, 1).replace("\"complete\": true", "\"complete\": true, \"assigned\": true"));
        String other = scoreEvent(unit, 1).replace("xiangtan-county", "national-common").replace("\"total\": 93", "\"total\": 9")
                .replace("\"complete\": true", "\"complete\": false, \"assigned\": false");
        send("score-events", unit + ":2024", other);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").queryParam("system", "national-common")
                        .get("/api/reports/" + unit + "/2024").then().statusCode(200).body("provenance.systemCode", equalTo("national-common")));
        asAdmin().queryParam("format", "json").get("/api/reports/" + unit + "/2024").then().statusCode(200)
                .body("provenance.systemCode", equalTo("xiangtan-county"))
                .body("conclusion.total", equalTo(93));
    }

    @Test
    void textIsEscapedInHtmlAndMarkdown() {
        String unit = newUnit();
        send("budget-events", unit + ":2024", budgetEvent(unit, "<script>alert(1)</script>镇", 1, "1570.5"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "html").get("/api/reports/" + unit + "/2024").then().statusCode(200));
        String html = asAdmin().queryParam("format", "html").get("/api/reports/" + unit + "/2024").asString();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;镇");
        String md = asAdmin().queryParam("format", "markdown").get("/api/reports/" + unit + "/2024").asString();
        assertThat(md).doesNotContain("<script>");
    }

    @Test
    void openApiDocumentsEveryOperationWithExamples() {
        String openapi = asAdmin().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/reports/{unitCode}/{year}", "/api/units/{unitCode}/years/{year}/narrative",
                        "/api/units/{unitCode}/years/{year}/narrative/versions/{version}", "/api/counties/{county}/years/{year}/summary",
                        "urn:perfeval:problem:pdf-font-missing", "urn:perfeval:problem:stale-version",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .contains("\"412\"", "\"503\"", "\"406\"");
    }

    @Test
    void unknownUnitOrFormatGetsProblemJson() {
        asAdmin().accept("application/json").get("/api/reports/NOPE/2024").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().queryParam("format", "pdfx").get("/api/reports/NOPE/2024").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
    }
}
