package cn.perfeval.report.api;

import cn.perfeval.report.support.Documents;
import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static cn.perfeval.report.support.Calls.TOKENS;
import static cn.perfeval.report.support.Calls.as;
import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The monitoring JSON and documents over HTTP, on the golden unit with the demo's targets and monthly execution:
 * at July execution 42.76 % against 58.33 %, three targets lagging, four without an actual.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class MonitoringResourceTest {

    static final String UNIT = "/api/v1/units/{unit}/years/{year}/monitoring";
    static final String UNIT_REPORT = "/api/v1/units/{unit}/years/{year}/monitoring-report";
    static final String COUNTY = "/api/v1/counties/{county}/years/{year}/monitoring";
    static final String COUNTY_REPORT = "/api/v1/counties/{county}/years/{year}/monitoring-report";
    static final String SETTINGS = "/api/v1/counties/{county}/years/{year}/monitoring-settings";

    /** A county of its own with the golden unit (demo targets and months) and its year-end score of 93. */
    static String[] golden(String county) {
        String unit = GoldenCase.newUnit();
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.monitoringBudgetEvent(unit, 1, county, "湘潭县中路铺镇人民政府"));
        GoldenCase.send("score-events", unit + ":2024", GoldenCase.scoreEvent(unit, 1, 1, county, "湘潭县中路铺镇人民政府",
                List.of(new BigDecimal("28"), new BigDecimal("19"), new BigDecimal("4"), new BigDecimal("42"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin().get(UNIT, unit, 2024).then().statusCode(200)
                .body("projection.total", equalTo(93)));
        asAdmin().contentType("application/json").body("{\"executionGapThreshold\": 10, \"targetGapThreshold\": 20}")
                .put(SETTINGS, county, 2024).then().statusCode(200);
        return new String[]{unit, county};
    }

    static String county() {
        return "监控县" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void theGoldenUnitAtJuly() {
        String unit = golden(county())[0];
        JsonPath m = asAdmin().queryParam("month", 7).get(UNIT, unit, 2024).then().statusCode(200).extract().jsonPath();
        assertThat(m.getInt("month")).isEqualTo(7);
        assertThat(m.getString("execution.adjustedBudget")).isEqualTo("5295.65");
        assertThat(m.getString("execution.totalActual")).isEqualTo("2264.32");
        assertThat(m.getString("execution.executionRate")).isEqualTo("42.76");
        assertThat(m.getString("execution.timeProgress")).isEqualTo("58.33");
        assertThat(m.getString("execution.gap")).isEqualTo("15.57");
        assertThat(m.getBoolean("execution.behind")).isTrue();
        assertThat(m.getList("findings.code")).containsExactly("MON-EXEC-001", "MON-TGT-001", "MON-TGT-001", "MON-TGT-001",
                "MON-TGT-002", "MON-TGT-002", "MON-TGT-002", "MON-TGT-002");
        assertThat(m.getList("laggingTargets")).containsExactly("城镇新增就业人数", "农村新建卫生厕所", "退役军人优待证办理完成率");
        // completion by hand from the demo data: 142 / (315 × 7/12), 18 / (55 × 7/12), 62 / 100, 2380 / (4300 × 7/12)
        assertThat(m.getList("targets.code")).hasSize(14);
        assertThat(m.getString("targets.find { it.code == 'CC-03' }.completion")).isEqualTo("77.28");
        assertThat(m.getString("targets.find { it.code == 'CC-05' }.completion")).isEqualTo("56.1");
        assertThat(m.getString("targets.find { it.code == 'CC-07' }.completion")).isEqualTo("62.0");
        assertThat(m.getString("targets.find { it.code == 'XY-01' }.completion")).isEqualTo("94.88");
        assertThat(m.getString("targets.find { it.code == 'CC-02' }.completion")).isEqualTo("156.43");
        assertThat(m.getString("targets.find { it.code == 'CC-04' }.completion")).isEqualTo("110.62");
        assertThat(m.getString("targets.find { it.code == 'CC-06' }.completion")).isEqualTo("103.06");
        assertThat(m.<String>getList("targets.findAll { it.status == 'NO_ACTUAL' }.code")).containsExactly("CC-08", "XY-03", "XY-04", "MY-01");
        assertThat(m.getString("findings[2].message")).isEqualTo("“农村新建卫生厕所”截至7月完成18座，按序时应完成32.08座（全年目标55座的7/12），"
                + "完成进度56.1%，低于应完成进度43.9个百分点，超过县设定的预警阈值20个百分点。偏差原因：改厕集中在雨季后施工，上半年完工18座。");
        assertThat(m.getString("projection.label")).isEqualTo("年终得分");
        assertThat(m.getBoolean("projection.projected")).isFalse();
        assertThat(m.getInt("settings.version")).isEqualTo(1);

        // the default month is the latest month of the monthly execution; in December the year's figures
        asAdmin().get(UNIT, unit, 2024).then().statusCode(200).body("month", equalTo(12))
                .body("execution.executionRate", equalTo(83.33f)).body("execution.gap", equalTo(16.67f))
                .body("laggingTargets", equalTo(List.of()));
    }

    @Test
    void refusalsAndAccess() {
        String[] g = golden(county());
        for (String month : List.of("0", "13", "abc", "7.5", "-1")) {
            asAdmin().queryParam("month", month).get(UNIT, g[0], 2024).then().statusCode(400).body("errors.field", hasItem("month"));
            asAdmin().queryParam("month", month).get(COUNTY, g[1], 2024).then().statusCode(400).body("errors.field", hasItem("month"));
        }
        asAdmin().get(UNIT, GoldenCase.newUnit(), 2024).then().statusCode(404);
        asAdmin().get(COUNTY, county(), 2024).then().statusCode(404);
        asAdmin().queryParam("format", "html").get(UNIT_REPORT, GoldenCase.newUnit(), 2024).then().statusCode(404);
        asAdmin().queryParam("format", "html").get(COUNTY_REPORT, county(), 2024).then().statusCode(404);
        asAdmin().queryParam("format", "md").get(UNIT_REPORT, g[0], 2024).then().statusCode(400).body("errors.field", hasItem("format"));
        asAdmin().accept("application/json").get(COUNTY_REPORT, g[1], 2024).then().statusCode(406);
        as(TOKENS.finance(g[0])).get(UNIT, g[0], 2024).then().statusCode(200);
        as(TOKENS.finance(GoldenCase.newUnit())).get(UNIT, g[0], 2024).then().statusCode(403);
        as(TOKENS.finance(g[0])).get(COUNTY, g[1], 2024).then().statusCode(403);
        as(TOKENS.evaluator(g[1])).get(COUNTY, g[1], 2024).then().statusCode(200);
        as(TOKENS.evaluator("别的县")).get(COUNTY, g[1], 2024).then().statusCode(403);
        as(TOKENS.evaluator("别的县")).queryParam("format", "html").get(UNIT_REPORT, g[0], 2024).then().statusCode(403);
        as(TOKENS.viewer()).queryParam("format", "html").get(COUNTY_REPORT, g[1], 2024).then().statusCode(200);
    }

    @Test
    void theCountyAtJuly() {
        String county = county();
        String unit = golden(county)[0];
        // a second unit that has reported up to May only, and a third well ahead
        String late = GoldenCase.newUnit();
        ObjectNode lateEvent = GoldenCase.monitoringBudgetEvent(late, 1, county, "湘潭县某乡人民政府");
        ArrayNode months = lateEvent.putArray("monthlyExecution");
        for (int i = 0; i < 5; i++) {
            months.add(GoldenCase.DEMO_TARGETS.path("monthlyExecution").get(i).deepCopy());
        }
        lateEvent.putObject("period").put("yearEnd", false).put("asOfMonth", 5);
        GoldenCase.send("budget-events", late + ":2024", lateEvent);
        String ahead = GoldenCase.newUnit();
        ObjectNode aheadEvent = GoldenCase.monitoringBudgetEvent(ahead, 1, county, "湘潭县某街道办事处");
        ((ObjectNode) aheadEvent.path("monthlyExecution").get(6)).put("basicActual", 3000).put("projectActual", 300);
        GoldenCase.send("budget-events", ahead + ":2024", aheadEvent);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin().queryParam("month", 7).get(COUNTY, county, 2024).then()
                .statusCode(200).body("rows.size()", equalTo(3)));

        JsonPath c = asAdmin().queryParam("month", 7).get(COUNTY, county, 2024).then().statusCode(200).extract().jsonPath();
        assertThat(c.getString("timeProgress")).isEqualTo("58.33");
        assertThat(c.<String>getList("mostBehind.unitCode")).containsExactly(unit);
        assertThat(c.getString("mostBehind[0].gap")).isEqualTo("15.57");
        assertThat(c.<Integer>getList("gapBands.count")).containsExactly(1, 0, 0, 1, 0, 1);
        assertThat(c.<String>getList("gapBands[5].units")).containsExactly(late);
        assertThat(c.getString("rows.find { it.unitCode == '" + ahead + "' }.executionRate")).isEqualTo("62.32");
        assertThat(c.getBoolean("rows.find { it.unitCode == '" + late + "' }.reported")).isFalse();
        assertThat(c.getInt("rows.find { it.unitCode == '" + unit + "' }.laggingTargets")).isEqualTo(3);
        assertThat(c.<String>getList("gradeDistribution.grade")).containsExactly("优", "未评分");
        assertThat(c.<Integer>getList("gradeDistribution.count")).containsExactly(1, 2);
        // without ?month= the latest month any unit reported: December
        asAdmin().get(COUNTY, county, 2024).then().statusCode(200).body("month", equalTo(12));

        String html = asAdmin().queryParam("month", 7).queryParam("format", "html").get(COUNTY_REPORT, county, 2024).then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("<h1>" + county + "<br>2024年度部门整体支出绩效运行监控汇总报告<br>（截至7月）</h1>",
                "一、总体情况", "二、各单位监控情况", "三、执行进度落后的单位", "按预算执行率与序时进度（58.33%）的差距：不落后于序时进度的1个，"
                        + "落后10至20个百分点的1个，无法计算（执行数据未报送或预算未录入）的1个。", "全年得分等次分布：优1个，未评分2个（其中预计得分0个，年终得分1个）。");
        List<List<List<String>>> tables = Documents.htmlTables(html);
        assertThat(tables.get(0)).contains(List.of("湘潭县中路铺镇人民政府", "42.76", "58.33", "15.57", "3", "93", "优"),
                List.of("湘潭县某乡人民政府", "未报送", "58.33", "—", "3", "未评分", ""));
        assertThat(tables.get(1)).contains(List.of("1", "湘潭县中路铺镇人民政府", "42.76", "15.57", "是",
                "城镇新增就业人数、农村新建卫生厕所、退役军人优待证办理完成率"));
    }

    @Test
    void theUnitsMonitoringReport() {
        String[] g = golden(county());
        String unit = g[0];
        String html = asAdmin().queryParam("month", 7).queryParam("format", "html").get(UNIT_REPORT, unit, 2024).then()
                .statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains("<title>湘潭县中路铺镇人民政府2024年度部门整体支出绩效运行监控报告（截至7月）</title>",
                "<h1>湘潭县中路铺镇人民政府<br>2024年度部门整体支出绩效运行监控报告<br>（截至7月）</h1>");
        String[] missing = new String[1];
        assertThat(Documents.inOrder(html, List.of("一、预算执行情况", "截至7月末，本单位调整后预算5295.65万元，累计支出2264.32万元，其中基本支出1971.92万元、"
                        + "项目支出292.4万元，预算执行率42.76%，序时进度58.33%，低于序时进度15.57个百分点，超过县设定的预警阈值10个百分点。",
                "二、绩效目标完成情况", "年度总体目标：", "本单位共设定绩效指标14项。截至7月，完成进度正常的7项，滞后的3项，尚未录入完成值的4项。",
                "三、偏差情况及原因", "1.截至7月累计支出2264.32万元", "2.“城镇新增就业人数”", "四、纠偏措施", "本单位尚未填写纠偏措施。",
                "五、全年预计完成情况", "年终得分93分（满分100分），等次为“优”。"), missing)).as("missing: %s", missing[0]).isPositive();
        assertThat(html).doesNotContain("MON-", "LAGGING", "NO_ACTUAL", "null");
        assertThat(asAdmin().queryParam("month", 7).queryParam("format", "html").get(UNIT_REPORT, unit, 2024).then().extract().asString())
                .as("same inputs, same bytes").isEqualTo(html);
        List<List<List<String>>> tables = Documents.htmlTables(html);
        assertThat(tables.get(0)).contains(List.of("5295.65", "1971.92", "292.4", "2264.32", "42.76", "58.33", "15.57"));
        assertThat(tables.get(1)).contains(
                List.of("产出", "数量", "城镇新增就业人数", "≥315人", "142人", "77.28%*", "是"),
                List.of("产出", "质量", "退役军人优待证办理完成率", "≥100%", "62%", "62%", "是"),
                List.of("产出", "时效", "危房改造按期完工率", "≥100%", "尚未录入", "", "未录入"),
                List.of("产出", "成本", "“三公”经费支出", "≤12万元", "0万元", "100%*", "否"),
                List.of("效益", "社会效益", "早稻播种面积", "≥24000亩", "24030.29亩", "100.13%", "否"),
                List.of("效益", "生态效益", "农村人居环境持续改善",
                        "农村生活垃圾“户分类、村收集、镇转运、县处理”体系运行，创建市级美丽乡村1个", "尚未录入", "", "未录入"));

        // corrective measures from the narrative
        asAdmin().contentType("application/json").body("{\"correctiveMeasures\": \"1.加快项目支出进度，督促改厕工程雨季后集中施工。\\n2.对接用工企业，三季度举办招聘会。\"}")
                .put("/api/v1/units/{unit}/years/{year}/narrative", unit, 2024).then().statusCode(200);
        String withMeasures = asAdmin().queryParam("month", 7).queryParam("format", "html").get(UNIT_REPORT, unit, 2024).then()
                .statusCode(200).extract().asString();
        assertThat(withMeasures).contains("<p>1.加快项目支出进度，督促改厕工程雨季后集中施工。</p>\n<p>2.对接用工企业，三季度举办招聘会。</p>")
                .doesNotContain("本单位尚未填写纠偏措施。");
        // the self-evaluation report does not print them
        assertThat(asAdmin().queryParam("format", "html").get("/api/v1/units/{unit}/years/{year}/report", unit, 2024).then()
                .statusCode(200).extract().asString()).doesNotContain("加快项目支出进度");

        // DOCX: same text, same bytes twice
        byte[] docx = asAdmin().queryParam("month", 7).queryParam("format", "docx").get(UNIT_REPORT, unit, 2024).then()
                .statusCode(200).extract().asByteArray();
        assertThat(asAdmin().queryParam("month", 7).queryParam("format", "docx").get(UNIT_REPORT, unit, 2024).then()
                .extract().asByteArray()).isEqualTo(docx);
        XWPFDocument doc = Documents.docx(docx);
        List<String> paragraphs = Documents.paragraphs(doc);
        assertThat(paragraphs).contains("湘潭县中路铺镇人民政府", "2024年度部门整体支出绩效运行监控报告", "（截至7月）", "四、纠偏措施",
                "1.加快项目支出进度，督促改厕工程雨季后集中施工。");
        assertThat(Documents.cells(doc.getTables().get(1))).contains(
                List.of("产出", "数量", "农村新建卫生厕所", "≥55座", "18座", "56.1%*", "是"));
    }

    @Test
    void pdfIsTheSameBytesTwice() throws java.io.IOException {
        assumeTrue(Documents.cjkFontInstalled(), "no CJK font installed (apt-get install fonts-wqy-zenhei); CI installs one");
        String[] g = golden(county());
        byte[] pdf = asAdmin().queryParam("month", 7).queryParam("format", "pdf").get(UNIT_REPORT, g[0], 2024).then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(asAdmin().queryParam("month", 7).queryParam("format", "pdf").get(UNIT_REPORT, g[0], 2024).then()
                .extract().asByteArray()).isEqualTo(pdf);
        assertThat(Documents.pdfPageLines(pdf).get(0)).startsWith("湘潭县中路铺镇人民政府", "2024年度部门整体支出绩效运行监控报告", "（截至7月）");
        assertThat(Documents.pdfText(pdf)).contains("五、全年预计完成情况");
        byte[] county = asAdmin().queryParam("month", 7).queryParam("format", "pdf").get(COUNTY_REPORT, g[1], 2024).then()
                .statusCode(200).extract().asByteArray();
        assertThat(asAdmin().queryParam("month", 7).queryParam("format", "pdf").get(COUNTY_REPORT, g[1], 2024).then()
                .extract().asByteArray()).isEqualTo(county);
        // to look at: pdftoppm -png -r 60 target/rendered/monitoring-unit.pdf p
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/rendered"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/rendered/monitoring-unit.pdf"), pdf);
        java.nio.file.Files.write(java.nio.file.Path.of("target/rendered/monitoring-county.pdf"), county);
        assertThat(Documents.pdfPageLines(county).get(0)).contains("2024年度部门整体支出绩效运行监控汇总报告", "（截至7月）");
    }

    @Test
    void aProjectedScoreIsMarkedPredictedWhereverItIsShown() {
        String county = county();
        String unit = GoldenCase.newUnit();
        ObjectNode budget = GoldenCase.monitoringBudgetEvent(unit, 1, county, "湘潭县中路铺镇人民政府");
        budget.putObject("period").put("yearEnd", false).put("asOfMonth", 7);
        ObjectNode score = GoldenCase.scoreEvent(unit, 1, 1, county, "湘潭县中路铺镇人民政府",
                List.of(new BigDecimal("26"), new BigDecimal("19"), new BigDecimal("4"), new BigDecimal("36")));
        score.put("assigned", true);
        ObjectNode basis = score.putObject("basis").put("projected", true).put("asOfMonth", 7);
        basis.putArray("missing").addObject().put("indicator", "D3").put("item", "群众满意度").put("message", "“群众满意度”尚无完成值");
        GoldenCase.send("budget-events", unit + ":2024", budget);
        GoldenCase.send("score-events", unit + ":2024", score);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asAdmin().get(UNIT, unit, 2024).then().statusCode(200)
                .body("projection.label", equalTo("预计得分（截至7月）")));

        asAdmin().get(UNIT, unit, 2024).then().body("projection.total", equalTo(85)).body("projection.grade", equalTo("良"))
                .body("projection.missing[0].message", equalTo("“群众满意度”尚无完成值"));
        // the self-evaluation report
        asAdmin().queryParam("format", "json").get("/api/v1/units/{unit}/years/{year}/report", unit, 2024).then().statusCode(200)
                .body("conclusion.scoreLabel", equalTo("预计得分（截至7月）"))
                .body("conclusion.text", org.hamcrest.Matchers.startsWith("根据截至7月的预算绩效数据，我单位2024年预算绩效预计得分（截至7月）85分，"
                        + "预计等次：良（年终数据录入后按全年数据重新计算）。"));
        // the county summary
        asAdmin().queryParam("format", "json").get("/api/v1/counties/{county}/years/{year}/summary", county, 2024).then()
                .statusCode(200).body("rows[0].scoreLabel", equalTo("预计得分（截至7月）"));
        String summary = asAdmin().queryParam("format", "html").get("/api/v1/counties/{county}/years/{year}/summary", county, 2024)
                .then().statusCode(200).extract().asString();
        assertThat(summary).contains("<td>良（预计，截至7月）</td>", "其中1个单位为预计得分");
        // the monitoring documents
        String html = asAdmin().queryParam("month", 7).queryParam("format", "html").get(UNIT_REPORT, unit, 2024).then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("对现有数据计算，预计得分（截至7月）85分（满分100分），预计等次为“良”。",
                "计算尚缺的数据（1项）：“群众满意度”尚无完成值。");
        String countyHtml = asAdmin().queryParam("month", 7).queryParam("format", "html").get(COUNTY_REPORT, county, 2024).then()
                .statusCode(200).extract().asString();
        assertThat(Documents.htmlTables(countyHtml).get(0)).contains(
                List.of("湘潭县中路铺镇人民政府", "42.76", "58.33", "15.57", "3", "85（预计，截至7月）", "良"));
    }
}
