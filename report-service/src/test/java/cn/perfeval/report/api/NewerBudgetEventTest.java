package cn.perfeval.report.api;

import cn.perfeval.report.support.Documents;
import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A figure changed in budget-service reaches the report through the events alone: budget-service
 * and scoring-service do not run in this test, and report-service never calls them.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class NewerBudgetEventTest {

    @Test
    void aNewerBudgetEventChangesTheGeneratedReportAndAnOlderOneDoesNot() throws Exception {
        String unit = GoldenCase.newUnit();
        asAdmin().contentType("application/json").body(GoldenCase.NARRATIVE.toString())
                .put("/api/v1/units/" + unit + "/years/2024/narrative").then().statusCode(200);
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200));
        List<String> before = revenueRow(unit, "2010301");
        assertThat(before).containsExactly("2010301", "行政运行", "1363.4", "751.46", "751.46", "", "", "5", "606.94", "");

        // budget-service corrects 2010301's 上级补助收入 (and its parents) and the 支出总表 slip of 2010499
        ObjectNode v2 = GoldenCase.budgetEvent(unit, 2);
        for (var r : v2.path("tables").path("revenue")) {
            if (List.of("201", "20103", "2010301").contains(r.path("code").asText())) {
                ((ObjectNode) r).put("superiorSubsidy", r.path("superiorSubsidy").decimalValue().add(BigDecimal.ONE))
                        .put("total", r.path("total").decimalValue().add(BigDecimal.ONE));
            }
        }
        for (var r : v2.path("tables").path("expenditure")) {
            if (r.path("code").asText().equals("2010499")) {
                ((ObjectNode) r).put("total", new BigDecimal("274.97")).put("basic", new BigDecimal("185.97"));
            }
        }
        v2.putArray("findings");
        GoldenCase.send("budget-events", unit + ":2024", v2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then()
                        .body("provenance.budgetVersion", equalTo(2)));
        // an older event arriving late changes nothing: once a marker sent after it to the same
        // partition has been applied, the old event has been consumed
        int partition = GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        String marker = GoldenCase.newUnit();
        GoldenCase.send("budget-events", partition, marker + ":2024", GoldenCase.budgetEvent(marker, 1).toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + marker + "/years/2024/report").then().statusCode(200));
        asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then()
                .body("provenance.budgetVersion", equalTo(2));

        assertThat(revenueRow(unit, "2010301"))
                .containsExactly("2010301", "行政运行", "1364.4", "751.46", "751.46", "", "", "5", "607.94", "");
        String html = asAdmin().queryParam("format", "html").get("/api/v1/units/" + unit + "/years/2024/report").asString();
        List<List<List<String>>> tables = Documents.htmlTables(html);
        assertThat(tables.get(1)).last().isEqualTo(List.of("合计", "", "4989.65", "2753.3", "2753.3", "", "", "100", "2136.35", ""));
        assertThat(tables.get(2)).contains(List.of("2010499", "其他发展与改革事务支出", "274.97", "185.97", "89"));
        assertThat(html).contains("本报告依据：预算数据第2版").contains("（一）预算数据核对发现（0项）");

        // the score computed from version 1 is flagged until scoring-service publishes one for version 2
        GoldenCase.send("score-events", unit + ":2024", GoldenCase.scoreEvent(unit, 1, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then()
                        .body("provenance.text", org.hamcrest.Matchers.containsString(
                                "注意：评分依据的预算数据（第1版）不是本报告表格所用的版本（第2版）")));
        GoldenCase.send("score-events", unit + ":2024", GoldenCase.scoreEvent(unit, 2, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then()
                        .body("provenance.scoreVersion", equalTo(2))
                        .body("provenance.text", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("注意"))));
    }

    private static List<String> revenueRow(String unit, String code) throws Exception {
        byte[] docx = asAdmin().queryParam("format", "docx").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .extract().asByteArray();
        try (XWPFDocument doc = Documents.docx(docx)) {
            return Documents.cells(doc.getTables().get(1)).stream().filter(r -> r.get(0).equals(code)).findFirst()
                    .orElseThrow();
        }
    }
}
