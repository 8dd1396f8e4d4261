package cn.perfeval.report.api;

import cn.perfeval.report.support.Documents;
import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The golden case fed as events (budget and score) plus the narrative through the API: the DOCX,
 * PDF and HTML must show the golden report's sections in order, its three tables cell for cell,
 * every indicator's working and points, 93 and the grade.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class GoldenReportTest {

    static final List<String> HEADINGS = List.of("一、工作概述", "二、部门基本情况", "（一）机构设置及在职人员情况",
            "（二）单位主要职责", "三、绩效评价工作情况", "四、部门整体支出绩效情况分析", "（一）预算安排及执行情况",
            "1.年初部门预算收支总表", "2.年初部门预算收入总表", "3.年初部门预算支出总表", "4.预算执行情况",
            "（二）绩效指标情况分析", "1.目标设定", "2.预算执行情况分析", "3.预算管理情况分析", "4.资产管理情况分析",
            "5.产出分析：职责履行情况分析", "五、主要经验及做法", "六、存在的主要问题", "七、改进措施和有关建议",
            "八、综合评价结论");

    /**
     * Each indicator's working and points, and the group subtotals, in the order printed, from the
     * events the real producers publish for the golden case (A4 and A6 as scoring-service explains them).
     */
    static final List<String> WORKING = List.of(
            "预算调整率 = 预算调整数 / 年初预算数 × 100 = 307 / 4988.65 × 100 = 6.15 %，在区间 (0, 10] 内，得 4 分（满分5分，扣1分）",
            "基本支出预算控制率 = 基本支出实际支出数 / 基本支出年初预算数 × 100 = 3553 / 3274.34 × 100 = 108.51 %，在区间 (100, 110] 内，得 4 分（满分5分，扣1分）",
            "项目支出预算控制率 = 项目支出实际支出数 / 项目支出年初预算数 × 100 = 860 / 1714.31 × 100 = 50.17 %，在区间 (−∞, 100] 内，得 5 分（满分5分，扣0分）",
            "年末结余 = 0.00 万元，在区间 [0, 0] 内，得 5 分（满分5分，扣0分）",
            "分项目核算结余结转：分项目核算结余结转，满分5分，扣0分，得5分。",
            "三公经费控制率 = “三公”经费实际支出数 / “三公”经费预算数 × 100 = 0 / 12 × 100 = 0.00 %，未高于 100，得满分 5 分（满分5分，扣0分）",
            "综上所述，预算执行考核指标总计30分，扣2分，得28分。",
            "管理制度健全：本单位认真贯彻执行《会计法》《预算法》《行政单位会计制度》等法律法规，先后制定了预算资金管理办法等相关制度；相关制度执行有待加强，满分5分，扣1分，得4分。",
            "专账核算管理：本年度支出严格分项目单独核算，资金使用无截留、挤占、挪用、虚列支出等情况，满分5分，扣0分，得5分。",
            "预决算信息公开性和完善性：按规定内容和时限公开预决算信息，相关信息资料真实、完整、准确，满分5分，扣0分，得5分。",
            "政府采购完成情况：达到政府采购要求的均按规定进行了政府采购，满分5分，扣0分，得5分。",
            "综上所述，预算管理考核指标总计20分，扣1分，得19分。",
            "资产管理：制定了资产管理制度，2024年对国有资产进行了清查，固定资产做到一物一卡一条码，管理有待进一步加强，满分5分，扣1分，得4分。",
            "综上所述，资产管理考核指标总计5分，扣1分，得4分。",
            "经济发展稳步推进。",
            "职责履行：经济发展、民生保障、社会治理和干部队伍建设各项任务基本完成，部分指标未达预期，满分45分，扣3分，得42分。",
            "综上所述，产出效果考核指标总计45分，扣3分，得42分。",
            "根据以上预算绩效完成情况，我单位2024年预算绩效自评得分93分，评定等次：优",
            "湘潭县中路铺镇人民政府", "2025年5月26日");

    static final List<String> SUMMARY_HEADER = List.of("收入项目", "预算数", "支出项目", "预算数");
    static final List<String> REVENUE_HEADER = List.of("科目编码", "科目名称", "合计", "一般公共预算拨款小计", "经费拨款",
            "纳入一般公共预算管理的非税收入拨款", "政府性基金收入", "纳入专户管理的非税收入拨款", "上级补助收入", "其他收入");
    static final List<String> EXPENDITURE_HEADER = List.of("科目编码", "科目名称", "合计", "基本支出", "项目支出");

    /** One golden unit for all tests of the class, fed once. */
    static String unit;

    @BeforeEach
    void feedTheGoldenCaseOnce() {
        if (unit != null) {
            return;
        }
        String u = GoldenCase.newUnit();
        feed(u);
        unit = u;
    }

    static void feed(String unit) {
        asAdmin().contentType("application/json").body(GoldenCase.NARRATIVE.toString())
                .put("/api/v1/units/" + unit + "/years/2024/narrative").then().statusCode(200).body("version", equalTo(1));
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        GoldenCase.send("score-events", unit + ":2024", GoldenCase.scoreEvent(unit, 1, 1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                        .body("provenance.scoreVersion", equalTo(1)));
    }

    @Test
    void jsonHasTheSectionsInOrderTheConclusionAndProvenance() {
        JsonPath json = asAdmin().accept("application/json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("sections.heading", String.class)).containsExactlyElementsOf(HEADINGS);
        assertThat(json.getInt("conclusion.total")).isEqualTo(93);
        assertThat(json.getString("conclusion.grade")).isEqualTo("优");
        assertThat(json.getString("opening[0]")).startsWith("2024年，在县委、县政府的坚强领导下");
        assertThat(json.getString("issuer")).isEqualTo("湘潭县中路铺镇人民政府");
        assertThat(json.getString("issuedOn")).isEqualTo("2025年5月26日");
        assertThat(json.getString("provenance.text"))
                .isEqualTo("本报告依据：预算数据第1版；评分第1版（依据预算数据第1版，指标体系湘潭县部门整体支出绩效评价指标体系（县级模板）"
                        + "第1版）；文字材料第1版。");
        assertThat(json.getList("appendix.heading", String.class))
                .containsExactly("附件：数据核对情况", "（一）预算数据核对发现（4项）", "（二）评分核对发现（4项）",
                        "（三）报告文字核对发现（3项）");
        // slip 7: the evaluation schedule dated in the fiscal year it evaluates, one finding per phase
        assertThat(json.getString("appendix[3].blocks[0].rows[0][1]")).isEqualTo("1.前期准备（2024年4月25日-4月30日）。");
    }

    @Test
    void sameInputsGiveTheSameContent() {
        String first = asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").asString();
        String second = asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").asString();
        assertThat(second).isEqualTo(first);
        List<String> a = Documents.paragraphs(Documents.docx(docx()));
        List<String> b = Documents.paragraphs(Documents.docx(docx()));
        assertThat(b).isEqualTo(a);
    }

    @Test
    void htmlShowsTheGoldenReport() {
        String html = asAdmin().accept("text/html").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .contentType("text/html").extract().asString();
        List<String> expected = new ArrayList<>(HEADINGS.subList(0, 17));
        expected.addAll(List.of("五、主要经验及做法", "六、存在的主要问题", "七、改进措施和有关建议", "八、综合评价结论"));
        String[] missing = new String[1];
        assertThat(Documents.inOrder(html, expected, missing)).as(() -> "headings in order; missing " + missing[0]).isPositive();
        assertThat(Documents.inOrder(html, WORKING, missing)).as(() -> "working in order; missing " + missing[0]).isPositive();

        List<List<List<String>>> tables = Documents.htmlTables(html);
        // the three budget tables, then the appendix: data findings, score inconsistencies, the report's own words
        assertThat(tables).hasSize(6);
        assertThat(tables.get(0)).containsExactlyElementsOf(withHeader(SUMMARY_HEADER, GoldenCase.expectedSummaryRows()));
        assertThat(tables.get(1)).containsExactlyElementsOf(withHeader(REVENUE_HEADER, GoldenCase.expectedRevenueRows()));
        assertThat(tables.get(2)).containsExactlyElementsOf(withHeader(EXPENDITURE_HEADER, GoldenCase.expectedExpenditureRows()));
        // the findings budget-service and the inconsistencies scoring-service publish for the golden case, in Chinese
        // slip 1 names the wrong cell, 2010499, since 类 201 and the 收入总表 agree with 20104
        assertThat(tables.get(3)).hasSize(5).anySatisfy(r -> assertThat(r).startsWith("BUD-HIER-001", "错误", "支出总表", "2010499",
                "合计", "274.97", "274.96"));
        assertThat(tables.get(4)).hasSize(5).anySatisfy(r -> assertThat(r).containsExactly("等次与分数不符", "", "良", "优",
                "公布等级为“良”，按指标体系的等级标准，总分 93 分应为“优”"));
        assertThat(tables.get(4)).anySatisfy(r -> assertThat(r).startsWith("公布数字与计算所用数据不符", "A1 预算调整率"));
        // slip 7 (（三）报告文字核对发现): the sentence it comes from, as the JSON has it
        assertThat(tables.get(5)).hasSize(4);
        assertThat(tables.get(5).get(1).get(1)).isEqualTo("1.前期准备（2024年4月25日-4月30日）。");
        assertThat(html).contains("本报告依据：预算数据第1版；评分第1版");
    }

    @Test
    void docxShowsTheGoldenReportLaidOutPerGbT9704() throws Exception {
        byte[] bytes = docx();
        Files.createDirectories(Path.of("target/rendered"));
        Files.write(Path.of("target/rendered/golden-report.docx"), bytes);
        try (XWPFDocument doc = Documents.docx(bytes)) {
            List<String> paragraphs = Documents.paragraphs(doc);
            assertThat(paragraphs.subList(0, 2)).containsExactly("湘潭县中路铺镇人民政府", "2024年度部门整体支出绩效评价自评报告");
            assertThat(paragraphs.stream().filter(HEADINGS::contains).toList()).containsExactlyElementsOf(HEADINGS);
            String all = String.join("\n", paragraphs);
            String[] missing = new String[1];
            assertThat(Documents.inOrder(all, WORKING, missing)).as(() -> "working in order; missing " + missing[0]).isPositive();

            List<XWPFTable> tables = doc.getTables();
            // the three budget tables, then the appendix: data findings, score inconsistencies, the report's own words
            assertThat(tables).hasSize(6);
            assertThat(Documents.cells(tables.get(5)).get(1).get(1)).isEqualTo("1.前期准备（2024年4月25日-4月30日）。");
            assertThat(Documents.cells(tables.get(0))).containsExactlyElementsOf(withHeader(SUMMARY_HEADER, GoldenCase.expectedSummaryRows()));
            assertThat(Documents.cells(tables.get(1))).containsExactlyElementsOf(withHeader(REVENUE_HEADER, GoldenCase.expectedRevenueRows()));
            assertThat(Documents.cells(tables.get(2))).containsExactlyElementsOf(withHeader(EXPENDITURE_HEADER, GoldenCase.expectedExpenditureRows()));

            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(new BigInteger(sect.getPgSz().getW().toString())).isEqualTo(BigInteger.valueOf(11906));
            assertThat(new BigInteger(sect.getPgSz().getH().toString())).isEqualTo(BigInteger.valueOf(16838));
            assertThat(new BigInteger(sect.getPgMar().getTop().toString())).isEqualTo(BigInteger.valueOf(2098));   // 37 mm
            assertThat(new BigInteger(sect.getPgMar().getLeft().toString())).isEqualTo(BigInteger.valueOf(1587));  // 28 mm
            assertThat(new BigInteger(sect.getPgMar().getRight().toString())).isEqualTo(BigInteger.valueOf(1474)); // 210 − 28 − 156
            assertThat(new BigInteger(sect.getPgMar().getBottom().toString())).isEqualTo(BigInteger.valueOf(1984)); // 297 − 37 − 225

            XWPFRun title = doc.getParagraphs().get(0).getRuns().get(0);
            assertThat(title.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
            assertThat(title.getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(run(doc, "一、工作概述").getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
            assertThat(run(doc, "（一）机构设置及在职人员情况").getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("楷体_GB2312");
            XWPFRun body = run(doc, GoldenCase.NARRATIVE.path("targetSetting").asText());
            assertThat(body.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
            assertThat(body.getFontSizeAsDouble()).isEqualTo(16.0);

            assertThat(doc.getSettings().getEvenAndOddHeadings()).isTrue();
            List<XWPFFooter> footers = doc.getFooterList();
            assertThat(footers).hasSize(2);
            for (XWPFFooter f : footers) {
                XWPFParagraph p = f.getParagraphs().get(0);
                assertThat(p.getText()).startsWith("— ").endsWith(" —");
                assertThat(f._getHdrFtr().xmlText()).contains("PAGE");
                assertThat(p.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
                assertThat(p.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
            }
            assertThat(footers.stream().map(f -> f.getParagraphs().get(0).getAlignment()).toList())
                    .containsExactlyInAnyOrder(ParagraphAlignment.RIGHT, ParagraphAlignment.LEFT);
        }
    }

    @Test
    void pdfShowsTheGoldenReport() throws Exception {
        assumeTrue(Documents.cjkFontInstalled(), "no CJK font installed (apt-get install fonts-wqy-zenhei); CI installs one");
        byte[] pdf = asAdmin().accept("application/pdf").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        Files.createDirectories(Path.of("target/rendered"));
        Files.write(Path.of("target/rendered/golden-report.pdf"), pdf);
        String text = Documents.pdfText(pdf);
        String[] missing = new String[1];
        List<String> headings = new ArrayList<>(List.of("湘潭县中路铺镇人民政府", "2024年度部门整体支出绩效评价自评报告"));
        headings.addAll(HEADINGS);
        assertThat(Documents.inOrder(text, headings, missing)).as(() -> "headings in order; missing " + missing[0]).isPositive();
        // the PDF's face has no U+2212 MINUS SIGN: the renderer prints a hyphen-minus instead of dropping it
        List<String> working = WORKING.stream().map(w -> w.replace('−', '-')).toList();
        // a page's footer (— 7 —) may fall inside a line of working: read the lines without the footers
        String body = text.replaceAll("—\\s*\\d+\\s*—", "");
        assertThat(Documents.inOrder(body, working, missing)).as(() -> "working in order; missing " + missing[0]).isPositive();
        for (List<List<String>> table : List.of(GoldenCase.expectedSummaryRows(), GoldenCase.expectedRevenueRows(),
                GoldenCase.expectedExpenditureRows())) {
            List<String> cells = table.stream().flatMap(List::stream).toList();
            assertThat(Documents.inOrder(text, cells, missing)).as(() -> "table cells in order; missing " + missing[0]).isPositive();
        }
        assertThat(text).contains("— 1 —").contains("— 2 —");
    }

    private byte[] docx() {
        return asAdmin().accept(ReportResource.DOCX).get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .contentType(ReportResource.DOCX).extract().asByteArray();
    }

    private static XWPFRun run(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph " + text)).getRuns().get(0);
    }

    private static List<List<String>> withHeader(List<String> header, List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        out.add(header);
        out.addAll(rows);
        return out;
    }
}
