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
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
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

    /** The tables' column names in the JSON (the leaves of the printed header). */
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
        // the same findings as structured data, each with the sentence it comes from
        assertThat(json.getList("textFindings.sentence", String.class)).hasSize(3).first().isEqualTo("1.前期准备（2024年4月25日-4月30日）。");
        assertThat(json.getString("textFindings[0].place")).isEqualTo("三、绩效评价工作情况");
        assertThat(json.getString("attachmentNote")).isEqualTo("附件：数据核对情况");
        // the tables: the leaves of the header as column names, the printed header rows, every row of the original
        assertThat(json.getList("sections[7].blocks[0].header", String.class)).containsExactlyElementsOf(SUMMARY_HEADER);
        assertThat(json.getList("sections[7].blocks[0].headerRows.text")).isEqualTo(GoldenCase.SUMMARY_HEADER_ROWS);
        assertThat(json.getList("sections[7].blocks[0].rows")).isEqualTo(GoldenCase.expectedSummaryRows());
        assertThat(json.getList("sections[8].blocks[0].header", String.class)).containsExactlyElementsOf(REVENUE_HEADER);
        assertThat(json.getList("sections[8].blocks[0].headerRows.text")).isEqualTo(GoldenCase.REVENUE_HEADER_ROWS);
        assertThat(json.getInt("sections[8].blocks[0].headerRows[0][0].colSpan")).isEqualTo(2);
        assertThat(json.getInt("sections[8].blocks[0].headerRows[0][1].rowSpan")).isEqualTo(3);
        assertThat(json.getList("sections[9].blocks[0].header", String.class)).containsExactlyElementsOf(EXPENDITURE_HEADER);
        assertThat(json.getList("sections[9].blocks[0].rows")).isEqualTo(GoldenCase.expectedExpenditureRows());
        // 项 rows (7-digit codes) indented two characters, 类 and 款 rows not
        List<Integer> indents = json.getList("sections[8].blocks[0].indents", Integer.class);
        List<String> codes = json.getList("sections[8].blocks[0].rows.collect { it[0] }", String.class);
        assertThat(indents).hasSameSizeAs(codes);
        for (int i = 0; i < codes.size(); i++) {
            assertThat(indents.get(i)).as(codes.get(i)).isEqualTo(codes.get(i).length() == 7 ? 2 : 0);
        }
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
        // the original's header rows (收入/支出 over 项目/预算数; 功能分类科目 over 科目编码 with 类 款 项), then its rows
        assertThat(tables.get(0)).containsExactlyElementsOf(withHeaderRows(GoldenCase.SUMMARY_HEADER_ROWS, GoldenCase.expectedSummaryRows()));
        assertThat(tables.get(1)).containsExactlyElementsOf(withHeaderRows(GoldenCase.REVENUE_HEADER_ROWS, GoldenCase.expectedRevenueRows()));
        assertThat(tables.get(2)).containsExactlyElementsOf(withHeaderRows(GoldenCase.EXPENDITURE_HEADER_ROWS, GoldenCase.expectedExpenditureRows()));
        assertThat(html).contains("<th colspan=\"2\">功能分类科目</th><th rowspan=\"3\">合计</th><th colspan=\"3\">一般公共预算拨款</th>")
                .contains("<tr class=\"indent-2\"><td>2010301</td><td>行政运行</td>");
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
            // header rows as the original prints them (merged cells read once), then the rows
            assertThat(Documents.headerlessCells(tables.get(0), 2)).containsExactlyElementsOf(GoldenCase.expectedSummaryRows());
            assertThat(Documents.headerTexts(tables.get(0), 2)).containsExactlyElementsOf(GoldenCase.SUMMARY_HEADER_ROWS);
            assertThat(Documents.headerlessCells(tables.get(1), 3)).containsExactlyElementsOf(GoldenCase.expectedRevenueRows());
            assertThat(Documents.headerTexts(tables.get(1), 3)).containsExactlyElementsOf(GoldenCase.REVENUE_HEADER_ROWS);
            assertThat(Documents.headerlessCells(tables.get(2), 3)).containsExactlyElementsOf(GoldenCase.expectedExpenditureRows());
            assertThat(Documents.headerTexts(tables.get(2), 3)).containsExactlyElementsOf(GoldenCase.EXPENDITURE_HEADER_ROWS);

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

    @Test
    void jsonCarriesEachIndicatorAsData() {
        JsonPath json = asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("indicators.code", String.class))
                .containsExactly("A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4", "C1", "D1");
        assertThat(json.getList("indicators.group", String.class)).containsExactly("预算执行", "预算执行", "预算执行", "预算执行",
                "预算执行", "预算执行", "预算管理", "预算管理", "预算管理", "预算管理", "资产管理", "产出效果");
        assertThat(json.getList("indicators.points", Integer.class)).containsExactly(4, 4, 5, 5, 5, 5, 4, 5, 5, 5, 4, 42);
        assertThat(json.getList("indicators.maxPoints", Integer.class)).containsExactly(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 45);
        // a computed indicator: its value as printed and its unit
        assertThat(json.getString("indicators[0].name")).isEqualTo("预算调整率");
        assertThat(json.getString("indicators[0].groupCode")).isEqualTo("A");
        assertThat(json.getDouble("indicators[0].value")).isEqualTo(6.15);
        assertThat(json.getString("indicators[0].unit")).isEqualTo("%");
        assertThat(json.getString("indicators[0].status")).isEqualTo("SCORED");
        assertThat(json.getString("indicators[0].statusLabel")).isEqualTo("已评分");
        assertThat(json.getDouble("indicators[1].value")).isEqualTo(108.51);
        assertThat(json.getString("indicators[3].unit")).isEqualTo("万元");
        // its text is the working the body prints, with what the body says about it
        assertThat(json.getString("indicators[0].text")).startsWith(WORKING.get(0)).contains("与原报告不同");
        assertThat(json.getString("indicators[3].text")).contains("本项得分待评价人员复核");
        // a judged indicator: no value, no unit; the judgement as printed
        assertThat(json.getString("indicators[6].name")).isEqualTo("管理制度健全");
        assertThat(json.getMap("indicators[6]")).doesNotContainKeys("value", "unit", "subgroup");
        assertThat(json.getString("indicators[6].text")).startsWith(WORKING.get(7));
        List<String> paragraphs = json.getList("sections.blocks.flatten().findAll { it.kind == 'paragraph' }.text", String.class);
        assertThat(paragraphs).containsAll(json.getList("indicators.text", String.class));
    }

    @Test
    void docxKeepsCaptionsWithTablesCodesOnOneLineAndTheAttachmentAsTheStandardSetsIt() throws Exception {
        try (XWPFDocument doc = Documents.docx(docx())) {
            List<org.apache.poi.xwpf.usermodel.IBodyElement> body = doc.getBodyElements();
            for (XWPFTable table : doc.getTables().subList(0, 3)) {
                int at = body.indexOf(table);
                // the caption and the unit line keep with the table
                XWPFParagraph unitLine = (XWPFParagraph) body.get(at - 1);
                XWPFParagraph caption = (XWPFParagraph) body.get(at - 2);
                assertThat(unitLine.getText()).isEqualTo("单位：万元");
                assertThat(caption.getText()).startsWith("年初部门预算");
                assertThat(caption.isKeepNext()).as(caption.getText()).isTrue();
                assertThat(unitLine.isKeepNext()).isTrue();
                // the header rows repeat on every page and keep with the first rows
                assertThat(table.getRow(0).isRepeatHeader()).isTrue();
                assertThat(table.getRow(2).getCell(0).getParagraphs().get(0).isKeepNext()).isTrue();
                assertThat(table.getCTTbl().getTblPr().getTblLayout().getType().toString()).isEqualTo("fixed");
                assertThat(table.getCTTbl().getTblGrid().getGridColList().stream().mapToInt(g -> new BigInteger(g.getW().toString()).intValue()).sum())
                        .isBetween(8830, 8860);   // 156 mm
            }
            // 7-digit codes never wrap: no-wrap cells in a column wide enough for seven digits at the cell size
            XWPFTable revenue = doc.getTables().get(1);
            XWPFTableRow item = revenue.getRows().stream().filter(r -> r.getCell(0).getText().equals("2010301")).findFirst().orElseThrow();
            assertThat(item.getCell(0).getCTTc().getTcPr().isSetNoWrap()).isTrue();
            // a 项 two characters (of the cell's 9 pt) in under its 款
            assertThat(item.getCell(1).getText()).isEqualTo("行政运行");
            assertThat(item.getCell(1).getParagraphs().get(0).getIndentationLeft()).isEqualTo(2 * 9 * 20);
            XWPFTableRow section = revenue.getRows().stream().filter(r -> r.getCell(0).getText().equals("20103")).findFirst().orElseThrow();
            assertThat(section.getCell(1).getParagraphs().get(0).getIndentationLeft()).isNotPositive();
            int codeColumn = new BigInteger(revenue.getCTTbl().getTblGrid().getGridColArray(0).getW().toString()).intValue();
            assertThat(codeColumn).isGreaterThan((int) (7 * 0.64 * 9 * 20));
            // the 收入总表 at 小五 (9 pt), the others at 五号; none at 8 pt
            assertThat(item.getCell(2).getParagraphs().get(0).getRuns().get(0).getFontSizeAsDouble()).isEqualTo(9.0);
            assertThat(doc.getTables().get(0).getRow(2).getCell(0).getParagraphs().get(0).getRuns().get(0).getFontSizeAsDouble()).isEqualTo(10.5);
            // the 收入总表's header: 功能分类科目 over two columns, 一般公共预算拨款 over three, 合计 over three rows
            var first = revenue.getRow(0).getTableCells();
            assertThat(first.get(0).getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(2);
            assertThat(first.get(2).getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(3);
            assertThat(first.get(1).getCTTc().getTcPr().getVMerge().getVal().toString()).isEqualTo("restart");
            // headings keep with what follows; no paragraph leaves a single line on a page (widow and orphan control)
            for (XWPFParagraph p : doc.getParagraphs()) {
                if (HEADINGS.contains(p.getText())) {
                    assertThat(p.isKeepNext()).as(p.getText()).isTrue();
                }
            }
            assertThat(doc.getStyles().getCtStyles().getDocDefaults().getPPrDefault().getPPr().isSetWidowControl()).isTrue();
            // the attachment note after the body, before the signature, two characters in; then the attachment's page:
            // 附件 at the top left in 3号黑体, its title centred in 2号小标宋
            List<String> texts = Documents.paragraphs(doc);
            int note = texts.indexOf("附件：数据核对情况");
            assertThat(note).isPositive();
            assertThat(texts.get(note - 1)).isEmpty();
            assertThat(texts.get(note - 2)).startsWith("根据以上预算绩效完成情况");
            assertThat(texts.subList(note + 1, note + 3)).containsExactly("湘潭县中路铺镇人民政府", "2025年5月26日");
            XWPFParagraph noteParagraph = doc.getParagraphs().stream().filter(p -> p.getText().equals("附件：数据核对情况")).findFirst().orElseThrow();
            assertThat(noteParagraph.getIndentationLeft()).isEqualTo(2 * (16 * 20 - 5));
            XWPFParagraph label = doc.getParagraphs().stream().filter(p -> p.getText().equals("附件")).findFirst().orElseThrow();
            assertThat(label.isPageBreak()).isTrue();
            assertThat(label.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
            assertThat(label.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            int labelAt = texts.indexOf("附件");
            assertThat(texts.subList(labelAt, labelAt + 4)).containsExactly("附件", "", "数据核对情况", "");
            XWPFParagraph title = doc.getParagraphs().stream().filter(p -> p.getText().equals("数据核对情况")).findFirst().orElseThrow();
            assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(title.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(texts.get(labelAt + 4)).isEqualTo("（一）预算数据核对发现（4项）");
            // the fonts named for each role, in the document's properties
            assertThat(doc.getProperties().getCustomProperties().getProperty("字体").getLpwstr())
                    .isEqualTo("标题：方正小标宋简体；一级标题：黑体；二级标题：楷体_GB2312；正文：仿宋_GB2312；页码：宋体");
        }
    }

    @Test
    void pdfKeepsHeadingsWithTheirTextAndSetsTheAttachment() throws Exception {
        assumeTrue(Documents.cjkFontInstalled(), "no CJK font installed (apt-get install fonts-wqy-zenhei); CI installs one");
        byte[] pdf = asAdmin().queryParam("format", "pdf").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .extract().asByteArray();
        List<List<String>> pages = Documents.pdfPageLines(pdf);
        int signed = -1;
        for (int i = 0; i < pages.size(); i++) {
            List<String> lines = pages.get(i);
            // no page holding a single line
            assertThat(lines).as("page " + (i + 1)).hasSizeGreaterThan(1);
            // no heading alone at a page's foot
            assertThat(HEADINGS).as("last line of page " + (i + 1)).doesNotContain(lines.get(lines.size() - 1));
            if (lines.contains("2025年5月26日")) {
                signed = i;
            }
        }
        // a table running on to a new page carries at least two of its rows there: its 合计 is never alone under the
        // repeated header, but on the page of the row before it
        for (List<List<String>> rows : List.of(GoldenCase.expectedRevenueRows(), GoldenCase.expectedExpenditureRows())) {
            String total = String.join(" ", rows.get(rows.size() - 1).stream().filter(c -> !c.isEmpty()).toList());
            String before = rows.get(rows.size() - 2).get(0) + " ";
            List<String> page = pages.stream().filter(l -> l.contains(total)).findFirst().orElseThrow();
            assertThat(page).as("the page of " + total).anyMatch(l -> l.startsWith(before));
        }
        // the attachment note before the signature; the attachment on the next page: 附件, then its title
        List<String> signature = pages.get(signed);
        assertThat(signature.indexOf("附件：数据核对情况")).isPositive().isLessThan(signature.indexOf("湘潭县中路铺镇人民政府"));
        assertThat(pages.get(signed + 1).subList(0, 3)).containsExactly("附件", "数据核对情况", "（一）预算数据核对发现（4项）");
        // the 收入总表's caption is on the page its table starts on
        int caption = -1;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains("年初部门预算收入总表")) {
                caption = i;
            }
        }
        assertThat(pages.get(caption).stream().map(l -> l.replaceAll("\\s+", "")))
                .contains("201一般公共服务支出1827.51027.531027.535794.97");
    }

    @Test
    void pdfSetsTitleHeadingsAndBodyInDistinctFacesAndNamesThem() throws Exception {
        assumeTrue(List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
                        "/usr/share/fonts/truetype/arphic/ukai.ttc").stream().allMatch(f -> Files.isRegularFile(Path.of(f))),
                "fonts-wqy-zenhei, fonts-arphic-uming and fonts-arphic-ukai are not all installed (CI installs them)");
        byte[] pdf = asAdmin().queryParam("format", "pdf").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .extract().asByteArray();
        // as pdffonts lists them: 宋/明 (title, body, page numbers), 黑体 (一、 headings, captions), 楷体 (（一） headings)
        assertThat(Documents.pdfFonts(pdf)).hasSize(3).anyMatch(f -> f.endsWith("+UMingCN"))
                .anyMatch(f -> f.endsWith("+WenQuanYiZenHei")).anyMatch(f -> f.endsWith("+UKaiCN"));
        java.util.Map<String, String> info = Documents.pdfInfo(pdf);
        String faces = "标题：AR PL UMing CN；一级标题：WenQuanYi Zen Hei；二级标题：AR PL UKai CN；正文：AR PL UMing CN；页码：AR PL UMing CN";
        assertThat(info.get("字体")).isEqualTo(faces);
        assertThat(info.get("Keywords")).isEqualTo("字体：" + faces);
    }

    private byte[] docx() {
        return asAdmin().accept(ReportResource.DOCX).get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                .contentType(ReportResource.DOCX).extract().asByteArray();
    }

    private static XWPFRun run(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph " + text)).getRuns().get(0);
    }

    private static List<List<String>> withHeaderRows(List<List<String>> header, List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>(header);
        out.addAll(rows);
        return out;
    }
}
