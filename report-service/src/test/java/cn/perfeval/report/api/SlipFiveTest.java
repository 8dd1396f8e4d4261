package cn.perfeval.report.api;

import cn.perfeval.report.support.Documents;
import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Slip 5 of the golden case as the demo carries it: the judgement of 管理制度健全 is the original's paragraph
 * followed, as in the original, by "综上所述，预算执行考核指标总计5分，扣 1分，得4分。" (预算执行 has 30 points; the
 * sentence means 管理制度健全). The report prints the sentence as written, says in the body that it is wrong,
 * and reports it in the appendix and in the JSON with the sentence it comes from.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class SlipFiveTest {

    static final String MISNAMED = "综上所述，预算执行考核指标总计5分，扣 1分，得4分。";
    /** The original's paragraph on 管理制度健全 without its label, as the demo stores it (deploy's ScoringDemo). */
    static final String PARAGRAPH = "本单位认真贯彻执行《会计法》《预算法》《行政单位会计制度》等法律法规，各项经费支出严格按照政府采购、"
            + "国库集中支付等有关规定执行。同时本单位先后制定了预算资金管理办法，内部财务管理制度、会计核算制度、资产管理制度等相关制度，"
            + "且相关管理制度合法、合规、完整。明确了经费审批权限及程序，规范了公务接待的审批管理，较好地控制了行政运行成本。";
    static final String MESSAGE = "小计所称的“预算执行”满分30分，文中为5分；此句写在“管理制度健全”（属“预算管理”）之下，"
            + "该指标满分5分，所指应为“管理制度健全”";

    @Test
    void theMisnamedSubtotalIsPrintedAsWrittenAndReportedWithItsSentence() {
        String unit = GoldenCase.newUnit();
        asAdmin().contentType("application/json").body(GoldenCase.NARRATIVE.toString())
                .put("/api/v1/units/" + unit + "/years/2024/narrative").then().statusCode(200);
        ObjectNode score = GoldenCase.scoreEvent(unit, 1, 1);
        for (JsonNode i : score.withArray("indicators")) {
            if (i.path("code").asText().equals("B1")) {
                // as the demo judges it: the report's words, no evidence (the report names none), by the unit's group
                ((ObjectNode) i.path("judgement")).put("reason", PARAGRAPH + MISNAMED).put("by", "中路铺镇绩效自评工作小组").remove("evidence");
            }
        }
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        GoldenCase.send("score-events", unit + ":2024", score);
        String path = "/api/v1/units/" + unit + "/years/2024/report";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get(path).then().statusCode(200).body("provenance.scoreVersion", equalTo(1)));

        JsonPath json = asAdmin().queryParam("format", "json").get(path).then().statusCode(200).extract().jsonPath();
        // through the API: the finding with the sentence it comes from, where it stands and what is wrong
        assertThat(json.getList("textFindings.sentence", String.class)).contains(MISNAMED);
        int at = json.getList("textFindings.sentence", String.class).indexOf(MISNAMED);
        assertThat(json.getString("textFindings[" + at + "].place")).isEqualTo("指标“管理制度健全”的评分说明");
        assertThat(json.getString("textFindings[" + at + "].message")).isEqualTo(MESSAGE);
        assertThat(json.getList("appendix.heading", String.class)).contains("（三）报告文字核对发现（4项）");

        // the body: the paragraph whole, the points once, then the sentence as written; one sentence says it is wrong
        String working = "管理制度健全：" + PARAGRAPH.substring(0, PARAGRAPH.length() - 1) + "，满分5分，扣1分，得4分。" + MISNAMED
                + "评定：中路铺镇绩效自评工作小组。评分说明中“综上所述，预算执行考核指标总计5分，扣 1分，得4分”一句有误："
                + MESSAGE + "（见附件报告文字核对发现）。";
        assertThat(json.getList("indicators.text", String.class)).contains(working);
        String html = asAdmin().queryParam("format", "html").get(path).then().statusCode(200).extract().asString();
        assertThat(html).contains(working);
        assertThat(Documents.htmlTables(html).get(5)).anySatisfy(r -> assertThat(r).containsExactly("指标“管理制度健全”的评分说明", MISNAMED, MESSAGE));
        byte[] docx = asAdmin().queryParam("format", "docx").get(path).then().statusCode(200).extract().asByteArray();
        try (XWPFDocument doc = Documents.docx(docx)) {
            assertThat(Documents.paragraphs(doc)).contains(working);
            assertThat(Documents.cells(doc.getTables().get(5))).anySatisfy(r -> assertThat(r).isEqualTo(
                    List.of("指标“管理制度健全”的评分说明", MISNAMED, MESSAGE)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
