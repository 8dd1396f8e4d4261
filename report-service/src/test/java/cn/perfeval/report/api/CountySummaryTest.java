package cn.perfeval.report.api;

import cn.perfeval.report.support.Documents;
import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class CountySummaryTest {

    static final String EVIL = "=HYPERLINK(\"http://evil\",\"点我\")镇";

    @Test
    void ranksAllUnitsOfACountyInHtmlDocxXlsxAndJson() throws Exception {
        String county = "测试县" + UUID.randomUUID().toString().substring(0, 6);
        String a = "A" + GoldenCase.newUnit();
        String b = "B" + GoldenCase.newUnit();
        String c = "C" + GoldenCase.newUnit();
        String d = "D" + GoldenCase.newUnit();
        unit(a, county, "甲镇人民政府", "28", "19", "4", "42");
        unit(b, county, EVIL, "25", "18.5", "4", "34");
        unit(c, county, "丙镇人民政府", "29", "18", "4", "42");
        GoldenCase.send("budget-events", d + ":2024", GoldenCase.budgetEvent(d, 1, county, "丁镇人民政府"));
        String path = "/api/v1/counties/" + county + "/years/2024/summary";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get(path).then().statusCode(200)
                        .body("rows.size()", equalTo(4)).body("rows.findAll { it.scoreVersion != null }.size()", equalTo(3)));

        JsonPath json = asAdmin().accept("application/json").get(path).then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("groups", String.class)).containsExactly("预算执行", "预算管理", "资产管理", "产出效果");
        assertThat(json.getList("rows.unitCode", String.class)).containsExactly(a, c, b, d);
        assertThat(json.getList("rows.rank")).containsExactly(1, 1, 3, null);
        assertThat(json.getList("rows.total", BigDecimal.class)).usingElementComparator(java.util.Comparator.nullsFirst(BigDecimal::compareTo))
                .containsExactly(new BigDecimal("93"), new BigDecimal("93"), new BigDecimal("81.5"), null);

        List<List<String>> expected = List.of(
                List.of("名次", "单位编码", "单位名称", "得分", "等次", "预算执行", "预算管理", "资产管理", "产出效果", "评分完成", "预算数据版本", "评分版本"),
                List.of("1", a, "甲镇人民政府", "93", "优", "28", "19", "4", "42", "是", "1", "1"),
                List.of("1", c, "丙镇人民政府", "93", "优", "29", "18", "4", "42", "是", "1", "1"),
                List.of("3", b, EVIL, "81.5", "良", "25", "18.5", "4", "34", "是", "1", "1"),
                List.of("", d, "丁镇人民政府", "", "未评分", "", "", "", "", "", "1", ""));

        String html = asAdmin().accept("text/html").get(path).then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(Documents.htmlTables(html)).containsExactly(expected);
        assertThat(html).contains(county + "2024年度部门整体支出绩效评价结果汇总").contains("共4个单位，已评分3个；优2个；良1个");

        byte[] docx = asAdmin().queryParam("format", "docx").get(path).then().statusCode(200)
                .contentType(ReportResource.DOCX).extract().asByteArray();
        try (XWPFDocument doc = Documents.docx(docx)) {
            assertThat(doc.getTables()).hasSize(1);
            assertThat(Documents.cells(doc.getTables().get(0))).containsExactlyElementsOf(expected);
            assertThat(doc.getDocument().xmlText()).doesNotContain("instrText").doesNotContain("fldSimple");
        }

        byte[] xlsx = asAdmin().accept(ReportResource.XLSX).get(path).then().statusCode(200)
                .contentType(ReportResource.XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= 5; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    XSSFCell cell = (XSSFCell) row.getCell(i);
                    cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC ? cell.getCTCell().getV()
                            : cell.getStringCellValue());
                }
                rows.add(cells);
            }
            assertThat(rows).containsExactlyElementsOf(expected);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                }
            }
            XSSFCell evil = sheet.getRow(4).getCell(2);
            assertThat(evil.getCellType()).isEqualTo(CellType.STRING);
            assertThat(evil.getStringCellValue()).isEqualTo(EVIL);
            assertThat(evil.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(2).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(2).getCell(2).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void anUnknownCountyOrFormatIsAProblem() {
        asAdmin().accept("application/json").get("/api/v1/counties/无此县/years/2024/summary").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().queryParam("format", "pdf").get("/api/v1/counties/湘潭县/years/2024/summary").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
    }

    private static void unit(String code, String county, String name, String... groups) {
        GoldenCase.send("budget-events", code + ":2024", GoldenCase.budgetEvent(code, 1, county, name));
        GoldenCase.send("score-events", code + ":2024", GoldenCase.scoreEvent(code, 1, 1, county, name,
                List.of(new BigDecimal(groups[0]), new BigDecimal(groups[1]), new BigDecimal(groups[2]), new BigDecimal(groups[3]))));
    }
}
