package cn.perfeval.budget.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.budget.Golden;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Import of the standard tables from a workbook made with POI from the golden figures, and from CSV. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class ImportTest {

    static final String XLSX = TableImportMedia.XLSX;
    static final List<String> REVENUE_COLUMNS = List.of("generalBudget", "generalBudgetFunding", "generalBudgetNonTax",
            "governmentFund", "specialAccountNonTax", "superiorSubsidy", "other");

    /** Sets a numeric cell from its exact decimal text, without going through a double. */
    static void number(XSSFRow row, int col, JsonNode value) {
        XSSFCell cell = row.createCell(col);
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        cell.getCTCell().setT(STCellType.N);
        cell.getCTCell().setV(value.decimalValue().toPlainString());
    }

    static XSSFRow row(XSSFSheet sheet, Object... texts) {
        XSSFRow r = sheet.createRow(sheet.getPhysicalNumberOfRows());
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] instanceof String s) {
                r.createCell(i).setCellValue(s);
            } else if (texts[i] instanceof JsonNode n) {
                number(r, i, n);
            }
        }
        return r;
    }

    /** The three sheets as the golden report prints them, from the golden JSON. */
    static XSSFWorkbook goldenWorkbook() {
        XSSFWorkbook wb = new XSSFWorkbook();
        JsonNode g = Golden.CASE;

        XSSFSheet s = wb.createSheet("收支总表");
        row(s, "年初部门预算收支总表");
        row(s, "单位：万元");
        row(s, "收入项目", "收入预算数", "科目编码", "支出项目", "支出预算数");
        List<Object[]> left = new ArrayList<>();
        for (JsonNode item : g.path("budgetSummary").path("revenue")) {
            left.add(new Object[]{item.path("item").asText(), item.path("amount")});
            for (JsonNode child : item.path("children")) {
                left.add(new Object[]{"其中：" + child.path("item").asText(), child.path("amount")});
            }
        }
        List<Object[]> right = new ArrayList<>();
        for (JsonNode item : g.path("budgetSummary").path("expenditure")) {
            right.add(new Object[]{item.path("code").asText(), item.path("item").asText(), item.path("amount")});
        }
        right.add(new Object[]{null, "结转下年", g.path("budgetSummary").path("carryForwardToNextYear")});
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            Object[] l = i < left.size() ? left.get(i) : new Object[]{null, null};
            Object[] r = i < right.size() ? right.get(i) : new Object[]{null, null, null};
            row(s, l[0], l[1], r[0], r[1], r[2]);
        }
        row(s, "收入总计", g.path("budgetSummary").path("revenueTotal"), null, "支出总计",
                g.path("budgetSummary").path("expenditureTotal"));

        XSSFSheet rev = wb.createSheet("收入总表");
        row(rev, "年初部门预算收入总表");
        row(rev, "单位：万元");
        row(rev, "科目编码", "科目名称", "合计", "一般公共预算拨款", "其中：经费拨款", "纳入一般公共预算管理的非税收入拨款",
                "政府性基金收入", "纳入专户管理的非税收入拨款", "上级补助收入", "其他收入");
        for (JsonNode r : Golden.rows("revenueByFunction")) {
            XSSFRow x = row(rev, r.path("code").asText(), r.path("name").asText(), r.path("total"));
            for (int i = 0; i < REVENUE_COLUMNS.size(); i++) {
                number(x, 3 + i, r.path(REVENUE_COLUMNS.get(i)));
            }
        }
        JsonNode pt = g.path("revenueByFunction").path("printedTotal");
        XSSFRow total = row(rev, null, "合计", pt.path("total"));
        for (int i = 0; i < REVENUE_COLUMNS.size(); i++) {
            number(total, 3 + i, pt.path(REVENUE_COLUMNS.get(i)));
        }

        XSSFSheet exp = wb.createSheet("支出总表");
        row(exp, "年初部门预算支出总表");
        row(exp, "单位：万元");
        row(exp, "科目编码", "科目名称", "合计", "基本支出", "项目支出");
        for (JsonNode r : Golden.rows("expenditureByFunction")) {
            row(exp, r.path("code").asText(), r.path("name").asText(), r.path("total"), r.path("basic"), r.path("project"));
        }
        JsonNode et = g.path("expenditureByFunction").path("printedTotal");
        row(exp, null, "合计", et.path("total"), et.path("basic"), et.path("project"));
        return wb;
    }

    static byte[] bytes(XSSFWorkbook wb) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newUnit() {
        String code = Golden.newCode();
        given().contentType(ContentType.JSON).body(Golden.unit()).put("/api/v1/units/" + code).then().statusCode(201);
        return code;
    }

    static JsonNode get(String path) {
        return Golden.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void goldenWorkbookImportsAndReadsBackIdenticalToTheJson() {
        String code = newUnit();
        String year = "/api/v1/units/" + code + "/years/2024";
        given().contentType(XLSX).body(bytes(goldenWorkbook())).post(year + "/budget/import")
                .then().statusCode(200).header("ETag", "\"1\"");

        ObjectNode summary = (ObjectNode) get(year + "/budget/budget-summary");
        summary.remove("amountUnit");
        assertThat(summary).isEqualTo(Golden.CASE.path("budgetSummary"));
        assertThat(get(year + "/budget/revenue").path("rows")).isEqualTo(Golden.rows("revenueByFunction"));
        assertThat(get(year + "/budget/expenditure").path("rows")).isEqualTo(Golden.rows("expenditureByFunction"));

        List<String> rules = new ArrayList<>();
        get(year + "/findings").path("items").forEach(f -> rules.add(f.path("ruleId").asText() + " " + f.path("code").asText()));
        assertThat(rules).containsExactly("BUD-HIER-001 2010499", "BUD-HIER-001 2010499", "BUD-XTAB-001 2010499");
    }

    @Test
    void malformedCellsAreListedByCellAndNothingIsImported() {
        String code = newUnit();
        String year = "/api/v1/units/" + code + "/years/2024";
        given().contentType(XLSX).body(bytes(goldenWorkbook())).post(year + "/budget/import").then().statusCode(200);

        XSSFWorkbook wb = goldenWorkbook();
        // 支出总表 row 7 (2010499's row is the 6th data row after 3 header rows → sheet row 9)
        wb.getSheet("支出总表").getRow(6).getCell(2).setCellValue("27x.96");     // C7: not a number
        wb.getSheet("支出总表").getRow(7).getCell(3).setCellValue("-1");         // D8: negative
        wb.getSheet("支出总表").getRow(8).getCell(4).setCellValue("89.001");     // E9: three decimals
        wb.getSheet("收入总表").getRow(4).getCell(0).setCellValue("20105");      // A5: orphan? no, 款 under 201 — make it a duplicate
        wb.getSheet("收入总表").getRow(5).getCell(0).setCellValue("2019901");    // A6: orphan 项
        wb.getSheet("收入总表").getRow(6).getCell(1).setCellValue("");           // B7: blank name
        wb.getSheet("收支总表").getRow(4).getCell(2).setCellValue("20X");        // C5: not a 类 code
        given().contentType(XLSX).body(bytes(wb)).post(year + "/budget/import")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE)
                .body("errors.field", hasItems("支出总表!C7", "支出总表!D8", "支出总表!E9", "收入总表!A6", "收入总表!B7", "收支总表!C5"))
                .body("detail", org.hamcrest.Matchers.containsString("未导入任何数据"));

        // stored data unchanged: still version 1 with the golden rows
        given().get(year + "/budget").then().statusCode(200).header("ETag", "\"1\"");
        assertThat(get(year + "/budget/expenditure").path("rows")).isEqualTo(Golden.rows("expenditureByFunction"));
        assertThat(get(year + "/budget/revenue").path("rows")).isEqualTo(Golden.rows("revenueByFunction"));
    }

    @Test
    void notAWorkbookZipBombsAndHugeSheetsAreRefused() {
        String code = newUnit();
        String year = "/api/v1/units/" + code + "/years/2024";
        given().contentType(XLSX).body("this is not a workbook".getBytes(StandardCharsets.UTF_8)).post(year + "/budget/import")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE)
                .body("type", equalTo("/problems/malformed-workbook"));

        XSSFWorkbook bomb = new XSSFWorkbook();
        XSSFSheet s = bomb.createSheet("支出总表");
        String a = "a".repeat(32_000);
        for (int r = 0; r < 200; r++) {
            XSSFRow row = s.createRow(r);
            for (int c = 0; c < 5; c++) {
                row.createCell(c).setCellValue(a + (r * 5 + c)); // distinct, so each is stored, and highly compressible
            }
        }
        byte[] bombBytes = bytes(bomb);
        assertThat(bombBytes.length).isLessThan(2 * 1024 * 1024);
        given().contentType(XLSX).body(bombBytes).post(year + "/budget/import")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE)
                .body("detail", org.hamcrest.Matchers.containsString("压缩炸弹"));

        XSSFWorkbook huge = new XSSFWorkbook();
        XSSFSheet h = huge.createSheet("支出总表");
        for (int r = 0; r < 2500; r++) {
            h.createRow(r).createCell(0).setCellValue("201");
        }
        given().contentType(XLSX).body(bytes(huge)).post(year + "/budget/import")
                .then().statusCode(413).contentType(ProblemDetail.MEDIA_TYPE);

        XSSFWorkbook none = new XSSFWorkbook();
        none.createSheet("Sheet1");
        given().contentType(XLSX).body(bytes(none)).post(year + "/budget/import")
                .then().statusCode(400).body("errors[0].field", equalTo("file"));
        given().get(year + "/budget").then().statusCode(404);
    }

    @Test
    void csvRevenueTableKeepsItsEmptyCells() {
        String code = newUnit();
        String year = "/api/v1/units/" + code + "/years/2024";
        StringBuilder csv = new StringBuilder("科目编码,科目名称,合计,一般公共预算拨款,其中：经费拨款,纳入一般公共预算管理的非税收入拨款,"
                + "政府性基金收入,纳入专户管理的非税收入拨款,上级补助收入,其他收入\n");
        for (JsonNode r : Golden.rows("revenueByFunction")) {
            csv.append(r.path("code").asText()).append(',').append(r.path("name").asText()).append(',')
                    .append(r.path("total").decimalValue().toPlainString());
            for (String c : REVENUE_COLUMNS) {
                csv.append(',').append(r.has(c) ? r.path(c).decimalValue().toPlainString() : "");
            }
            csv.append('\n');
        }
        given().contentType("text/csv").queryParam("table", "revenue").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post(year + "/budget/import").then().statusCode(200);
        assertThat(get(year + "/budget/revenue").path("rows")).isEqualTo(Golden.rows("revenueByFunction"));
    }

    @Test
    void csvImportsOneTableAndNamesTheBadCell() {
        String code = newUnit();
        String year = "/api/v1/units/" + code + "/years/2024";
        StringBuilder csv = new StringBuilder("年初部门预算支出总表\n单位：万元\n科目编码,科目名称,合计,基本支出,项目支出\n");
        for (JsonNode r : Golden.rows("expenditureByFunction")) {
            csv.append(r.path("code").asText()).append(',').append(r.path("name").asText()).append(',')
                    .append(r.path("total").decimalValue().toPlainString()).append(',')
                    .append(r.path("basic").decimalValue().toPlainString()).append(',')
                    .append(r.path("project").decimalValue().toPlainString()).append('\n');
        }
        csv.append(",合计,4988.65,3274.34,1714.31\n");
        given().contentType("text/csv").queryParam("table", "expenditure").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post(year + "/budget/import").then().statusCode(200).header("ETag", "\"1\"");
        assertThat(get(year + "/budget/expenditure").path("rows")).isEqualTo(Golden.rows("expenditureByFunction"));

        String bad = csv.toString().replace("2010301,行政运行,1363.4", "2010301,行政运行,1363.4.1");
        given().contentType("text/csv").queryParam("table", "expenditure").body(bad.getBytes(StandardCharsets.UTF_8))
                .post(year + "/budget/import").then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE)
                .body("errors.field", equalTo(List.of("支出总表!C6")));
        given().contentType("text/csv").queryParam("table", "nonsense").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post(year + "/budget/import").then().statusCode(400).body("errors[0].field", equalTo("table"));
        given().contentType("text/csv").queryParam("table", "expenditure").body("\"unterminated,\n1".getBytes(StandardCharsets.UTF_8))
                .post(year + "/budget/import").then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE);

        // in 元, converted exactly
        String yuan = "单位：元\n科目编码,科目名称,合计,基本支出,项目支出\n201,一般公共服务支出,18275000.01,15705000.01,2570000\n";
        given().contentType("text/csv").queryParam("table", "expenditure").body(yuan.getBytes(StandardCharsets.UTF_8))
                .post(year + "/budget/import").then().statusCode(200);
        assertThat(get(year + "/budget/expenditure").path("rows").get(0).path("total").decimalValue())
                .isEqualTo(new BigDecimal("1827.500001"));
        given().get(year + "/budget").then().header("ETag", "\"2\"").body("expenditure.code", hasItem("201"));
    }
}
