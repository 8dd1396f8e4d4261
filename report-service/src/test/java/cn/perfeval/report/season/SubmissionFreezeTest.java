package cn.perfeval.report.season;

import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.report.support.Seasons;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.perfeval.report.support.Calls.TOKENS;
import static cn.perfeval.report.support.Calls.as;
import static cn.perfeval.report.support.Calls.asAdmin;
import static cn.perfeval.report.support.Seasons.act;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The submission rules and the freeze: a submission with ERROR findings, awaiting indicators, no score or no budget
 * data is refused listing each reason and changes nothing; an accepted one stores every format of the report, and
 * later changes leave those bytes identical while the report now and the diff show the change.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class SubmissionFreezeTest {

    static final List<String> FORMATS = List.of("docx", "pdf", "html", "md", "json");

    @Test
    void aSubmissionIsRefusedListingEveryErrorFindingAndAwaitingIndicatorAndChangesNothing() {
        String county = Seasons.newCounty();
        String unit = GoldenCase.newUnit();
        ObjectNode score = (ObjectNode) Seasons.score(unit, county);
        ObjectNode b2 = (ObjectNode) score.path("indicators").get(7); // B2, a judged indicator
        b2.put("status", "AWAITING_JUDGEMENT");
        b2.putNull("points");
        // the golden budget event as recorded, with its three ERROR findings
        Seasons.unitWithData(unit, county, GoldenCase.budgetEvent(unit, 1, county, Seasons.NAME), score);
        String noScore = GoldenCase.newUnit();
        Seasons.unitWithData(noScore, county, Seasons.cleanBudget(noScore, 1, county), null);
        String noData = GoldenCase.newUnit();
        Seasons.open(county, Seasons.today().plusDays(10), unit, noScore, noData);
        for (String u : List.of(unit, noScore, noData)) {
            act(Seasons.finance(u), u, "START", null).statusCode(200);
        }

        JsonPath refused = act(Seasons.finance(unit), unit, "SUBMIT", null).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("4项问题")).extract().jsonPath();
        assertThat(refused.getList("errors.field")).containsExactly("findings", "findings", "findings", "indicators");
        assertThat(refused.getList("errors.rejected")).containsExactly("BUD-HIER-001", "BUD-HIER-001", "BUD-XTAB-001", "B2");
        assertThat(refused.getString("errors[2].message")).startsWith("预算数据有未解决的错误（BUD-XTAB-001）：科目 2010499");
        assertThat(refused.getString("errors[3].message")).contains("尚待评分").contains("B2");
        act(Seasons.finance(noScore), noScore, "SUBMIT", null).statusCode(409)
                .body("errors.field", equalTo(List.of("score"))).body("errors[0].message", containsString("xiangtan-county"));
        act(Seasons.finance(noData), noData, "SUBMIT", null).statusCode(409)
                .body("errors.field", equalTo(List.of("budget", "score")));
        for (String u : List.of(unit, noScore, noData)) {
            asAdmin().get("/api/v1/units/{u}/years/2024/task", u).then().statusCode(200)
                    .body("state", equalTo("FILLING")).body("version", equalTo(2)).body("submissions", equalTo(0));
            asAdmin().get("/api/v1/units/{u}/years/2024/submissions", u).then().statusCode(200).body("total", equalTo(0));
        }
        asAdmin().get("/api/v1/units/{u}/years/2024/submissions/1", unit).then().statusCode(404);
        assertThat(Seasons.events(unit, 2)).hasSize(2); // CREATED and START, no SUBMIT
    }

    @Test
    void aChangeAfterSubmissionLeavesTheSubmittedReportByteIdenticalAndTheDiffNamesIt() throws Exception {
        String county = Seasons.newCounty();
        String unit = GoldenCase.newUnit();
        Seasons.unitWithData(unit, county, Seasons.cleanBudget(unit, 1, county), Seasons.score(unit, county));
        asAdmin().contentType("application/json").body(GoldenCase.NARRATIVE.toString())
                .put("/api/v1/units/{u}/years/2024/narrative", unit).then().statusCode(200);
        Seasons.open(county, Seasons.today().plusDays(10), unit);
        act(Seasons.finance(unit), unit, "START", null).statusCode(200);
        act(Seasons.finance(unit), unit, "SUBMIT", null).statusCode(200).body("submissions", equalTo(1));

        String base = "/api/v1/units/{u}/years/2024/submissions/1";
        JsonPath sub = asAdmin().get(base, unit).then().statusCode(200).extract().jsonPath();
        assertThat(sub.getInt("budgetVersion")).isEqualTo(1);
        assertThat(sub.getInt("scoreVersion")).isEqualTo(1);
        assertThat(sub.getInt("narrativeVersion")).isEqualTo(1);
        assertThat(sub.getString("systemCode")).isEqualTo("xiangtan-county");
        assertThat(sub.getInt("systemVersion")).isEqualTo(1);
        assertThat(sub.getString("grade")).isEqualTo("优");
        assertThat(sub.getDouble("total")).isEqualTo(93.0);
        assertThat(sub.getString("submittedBy")).isEqualTo("finance-" + unit);
        List<String> stored = sub.getList("documents.format");
        assertThat(stored).containsAnyElementsOf(List.of("docx")).contains("docx", "html", "md", "json");
        Map<String, byte[]> filed = new LinkedHashMap<>();
        for (String f : stored) {
            byte[] bytes = asAdmin().queryParam("format", f).get(base + "/report", unit).then().statusCode(200)
                    .extract().asByteArray();
            assertThat(sha256(bytes)).as(f).isEqualTo(sub.getString("documents.find { it.format == '" + f + "' }.sha256"));
            assertThat((long) bytes.length).isEqualTo(sub.getLong("documents.find { it.format == '" + f + "' }.size"));
            filed.put(f, bytes);
        }
        asAdmin().queryParam("format", "docx").get(base + "/report", unit).then()
                .contentType(cn.perfeval.report.api.ReportResource.DOCX)
                .header("Content-Disposition", containsString(".docx"));
        asAdmin().accept("text/html").get(base + "/report", unit).then().statusCode(200).contentType(containsString("text/html"));
        // the submitted report is the report as it stood
        String htmlNow = asAdmin().queryParam("format", "html").get("/api/v1/units/{u}/years/2024/report", unit).then()
                .statusCode(200).extract().asString();
        assertThat(new String(filed.get("html"), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(htmlNow);
        asAdmin().get(base + "/diff", unit).then().statusCode(200).body("changed", equalTo(false))
                .body("summary", equalTo("自提交以来没有变化"));

        // the budget data change after the submission (a renamed unit, a new warning), and the narrative too
        ObjectNode v2 = Seasons.cleanBudget(unit, 2, county);
        ((ObjectNode) v2.path("unit")).put("name", "湘潭县中路铺镇人民政府（新）");
        ObjectNode warning = v2.objectNode().put("ruleId", "BUD-TEST-009").put("severity", "WARNING").put("table", "execution")
                .putNull("code").putNull("column").putNull("expected").putNull("actual").put("message", "测试用的新警告");
        ((com.fasterxml.jackson.databind.node.ArrayNode) v2.path("findings")).add(warning);
        GoldenCase.send("budget-events", unit + ":2024", v2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin().queryParam("format", "json")
                .get("/api/v1/units/{u}/years/2024/report", unit).then().body("provenance.budgetVersion", equalTo(2)));
        ObjectNode narrative = GoldenCase.NARRATIVE.deepCopy();
        narrative.put("overview", "改写后的工作概述");
        asAdmin().contentType("application/json").header("If-Match", "\"1\"").body(narrative.toString())
                .put("/api/v1/units/{u}/years/2024/narrative", unit).then().statusCode(200);

        for (Map.Entry<String, byte[]> f : filed.entrySet()) {
            byte[] again = asAdmin().queryParam("format", f.getKey()).get(base + "/report", unit).then().statusCode(200)
                    .extract().asByteArray();
            assertThat(again).as(f.getKey()).isEqualTo(f.getValue());
        }
        asAdmin().get(base, unit).then().body("budgetVersion", equalTo(1)).body("narrativeVersion", equalTo(1));
        String htmlLater = asAdmin().queryParam("format", "html").get("/api/v1/units/{u}/years/2024/report", unit).then()
                .statusCode(200).extract().asString();
        assertThat(htmlLater).isNotEqualTo(htmlNow).contains("湘潭县中路铺镇人民政府（新）").contains("改写后的工作概述");
        assertThat(new String(filed.get("html"), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("湘潭县中路铺镇人民政府（新）").doesNotContain("改写后的工作概述");

        JsonPath diff = as(Seasons.finance(unit)).get(base + "/diff", unit).then().statusCode(200).extract().jsonPath();
        assertThat(diff.getBoolean("changed")).isTrue();
        assertThat(diff.getString("summary")).isEqualTo("自提交以来预算数据已更新（第1版→第2版），文字材料已修改（第1版→第2版），总分未变");
        assertThat(diff.getList("versions.what")).containsExactly("budget", "score", "narrative", "system");
        assertThat(diff.getList("versions.changed")).containsExactly(true, false, true, false);
        assertThat(diff.getList("indicators")).isEmpty();
        assertThat(diff.getList("narrativeSections.section")).containsExactly("overview");
        assertThat(diff.getString("narrativeSections[0].now")).isEqualTo("改写后的工作概述");
        assertThat(diff.getList("findings.ruleId")).containsExactly("BUD-TEST-009");
        assertThat(diff.getList("findings.change")).containsExactly("ADDED");

        // a new score: the indicator whose points changed, the total and grade
        ObjectNode score2 = GoldenCase.scoreEvent(unit, 2, 2, county, Seasons.NAME, List.of(new java.math.BigDecimal("28"),
                new java.math.BigDecimal("15"), new java.math.BigDecimal("4"), new java.math.BigDecimal("42")));
        ((ObjectNode) score2.path("indicators").get(7)).put("points", 1);
        GoldenCase.send("score-events", unit + ":2024", score2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> asAdmin().get(base + "/diff", unit).then()
                .body("versions[1].now", equalTo(2)));
        JsonPath diff2 = asAdmin().get(base + "/diff", unit).then().statusCode(200).extract().jsonPath();
        assertThat(diff2.getList("indicators.code")).containsExactly("B2");
        assertThat(diff2.getDouble("indicators[0].submittedPoints")).isEqualTo(5.0);
        assertThat(diff2.getDouble("indicators[0].nowPoints")).isEqualTo(1.0);
        assertThat(diff2.getString("summary")).isEqualTo("自提交以来预算数据已更新（第1版→第2版），评分已更新（第1版→第2版），"
                + "文字材料已修改（第1版→第2版），总分由93分变为89分，等次由优变为良");

        asAdmin().get(base.replace("/1", "/2"), unit).then().statusCode(404);
        asAdmin().get(base.replace("/1", "/2") + "/diff", unit).then().statusCode(404);
        asAdmin().queryParam("format", "xlsx").get(base + "/report", unit).then().statusCode(400);
        as(TOKENS.finance("X" + GoldenCase.newUnit())).get(base, unit).then().statusCode(403);
        as(TOKENS.viewer()).get(base + "/report", unit).then().statusCode(200);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
