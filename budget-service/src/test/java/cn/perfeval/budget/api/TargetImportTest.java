package cn.perfeval.budget.api;

import cn.perfeval.budget.Golden;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.perfeval.budget.TestAuth.given;
import static cn.perfeval.budget.api.ImportTest.bytes;
import static cn.perfeval.budget.api.ImportTest.get;
import static cn.perfeval.budget.api.ImportTest.newUnit;
import static cn.perfeval.budget.api.ImportTest.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * Import of the target table (绩效目标表) and the monthly execution (分月执行) through the budget import, from a
 * workbook made with POI in the layout of the national target table and from CSV; every bad cell is named.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class TargetImportTest {

    static final String XLSX = TableImportMedia.XLSX;
    static final Map<String, String> SIGNS = Map.of("越大越好", "≥", "越小越好", "≤", "等于", "=", "定性", "定性");

    /**
     * The golden unit's target table as a unit fills in the national form: the overall goal in a labelled cell,
     * categories named with 指标 and printed once per group (merged cells), directions as ≥ and ≤; then the
     * monthly execution, months written as 1月 … 12月.
     */
    static XSSFWorkbook targetsWorkbook() {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet s = wb.createSheet("绩效目标表");
        row(s, "2024年度部门整体支出绩效目标表");
        row(s, "年度总体目标", Golden.TARGETS.path("overallGoal").asText());
        row(s, "一级指标", "二级指标", "三级指标(名称)", "指标编码", "计量单位", "指标值", "指标方向", "分值(权重)");
        String level1 = null;
        String level2 = null;
        for (JsonNode t : Golden.TARGETS.path("indicators")) {
            String l1 = t.path("level1").asText();
            String l2 = t.path("level2").asText();
            boolean qualitative = t.path("direction").asText().equals("定性");
            row(s, l1.equals(level1) ? null : l1 + "指标", l1.equals(level1) && l2.equals(level2) ? null : l2 + "指标",
                    t.path("name").asText(), t.path("code").asText(), t.path("unitOfMeasure").asText(null),
                    qualitative ? t.path("targetText").asText() : t.path("targetValue"),
                    SIGNS.get(t.path("direction").asText()), t.path("weight"));
            level1 = l1;
            level2 = l2;
        }
        row(s, "合计", null, null, null, null, null, null, Golden.JSON.getNodeFactory().numberNode(90));

        XSSFSheet m = wb.createSheet("分月执行");
        row(m, "2024年分月累计支出");
        row(m, "单位：万元");
        row(m, "月份", "基本支出累计", "项目支出累计");
        for (JsonNode month : Golden.TARGETS.path("monthlyExecution")) {
            row(m, month.path("month").asInt() + "月", month.path("basicActual"), month.path("projectActual"));
        }
        return wb;
    }

    /** The indicators as GET answers them, without their (empty) progress. */
    static ArrayNode indicators(String year) {
        ArrayNode list = (ArrayNode) get(year + "/targets").path("indicators");
        list.forEach(t -> ((ObjectNode) t).remove("progress"));
        return list;
    }

    @Test
    void theNationalFormImportsAndReadsBackAsTheTargetTable() {
        String code = newUnit();
        String year = "/api/v1/units/" + code + "/years/2024";
        given().contentType(XLSX).body(bytes(targetsWorkbook())).post(year + "/budget/import")
                .then().statusCode(200).header("ETag", "\"1\"");
        assertThat(get(year + "/targets").path("overallGoal").asText()).isEqualTo(Golden.TARGETS.path("overallGoal").asText());
        assertThat(indicators(year)).isEqualTo(Golden.TARGETS.path("indicators"));
        assertThat(get(year + "/monthly-execution").path("months")).isEqualTo(Golden.TARGETS.path("monthlyExecution"));
        assertThat(get(year + "/monthly-execution").path("period").path("asOfMonth").asInt()).isEqualTo(12);
    }

    @Test
    void badCellsOfBothSheetsAreNamedAndNothingIsImported() {
        String code = newUnit();
        String year = "/api/v1/units/" + code + "/years/2024";
        XSSFWorkbook wb = targetsWorkbook();
        XSSFSheet t = wb.getSheet("绩效目标表");
        t.getRow(4).getCell(5).setCellValue("四万");       // F5: a quantitative target value that is not a number
        t.getRow(5).getCell(6).setCellValue("越多越好");   // G6: no such direction
        t.getRow(6).getCell(3).setCellValue("");          // D7: no code
        XSSFSheet m = wb.getSheet("分月执行");
        m.getRow(4).getCell(1).setCellValue("-3");        // B5: negative
        m.getRow(5).getCell(0).setCellValue("13月");      // A6: no such month
        given().contentType(XLSX).body(bytes(wb)).post(year + "/budget/import")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE)
                .body("errors.field", containsInAnyOrder("绩效目标表!F5", "绩效目标表!G6", "绩效目标表!D7", "分月执行!B5", "分月执行!A6"))
                .body("detail", containsString("未导入任何数据"));
        given().get(year + "/budget").then().statusCode(404);

        // cells that read well but break the table's rules are named too
        wb = targetsWorkbook();
        t = wb.getSheet("绩效目标表");
        t.getRow(6).getCell(3).setCellValue("CC-01");     // D7: the code of the first target again
        t.getRow(4).createCell(1).setCellValue("社会效益");   // B5: a level 2 of 效益 under 产出
        wb.getSheet("分月执行").getRow(9).getCell(2).setCellValue("10");   // C10: July's project spending below June's
        given().contentType(XLSX).body(bytes(wb)).post(year + "/budget/import")
                .then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE)
                .body("errors.field", containsInAnyOrder("绩效目标表!D7", "绩效目标表!B5", "分月执行!C10"))
                .body("errors.message", org.hamcrest.Matchers.hasItem(containsString("指标编码重复")));
        given().get(year + "/budget").then().statusCode(404);
    }

    @Test
    void csvTargetTableAndMonthlyExecution() {
        String code = newUnit();
        String year = "/api/v1/units/" + code + "/years/2024";
        String csv = """
                年度总体目标,完成财政总收入4300万元以上
                一级指标,二级指标,三级指标,指标编码,计量单位,指标值,指标方向,分值
                产出,数量,城乡居民医疗保险参保人数,CC-01,人,42906,越大越好,7
                ,,城镇新增就业人数,CC-03,人,315,=,6
                效益,可持续影响,防返贫动态监测和帮扶机制长效运行,XY-04,,不发生规模性返贫,定性,5
                满意度,服务对象满意度,群众满意度,MY-01,,≥90%,,10
                """;
        given().contentType("text/csv").queryParam("table", "targets").body(csv.getBytes(StandardCharsets.UTF_8))
                .post(year + "/budget/import").then().statusCode(200);
        JsonNode targets = get(year + "/targets");
        assertThat(targets.path("overallGoal").asText()).isEqualTo("完成财政总收入4300万元以上");
        assertThat(targets.path("indicators").findValuesAsText("code")).containsExactly("CC-01", "CC-03", "XY-04", "MY-01");
        JsonNode cc03 = targets.path("indicators").get(1);
        assertThat(cc03.path("level1").asText()).isEqualTo("产出");
        assertThat(cc03.path("level2").asText()).isEqualTo("数量");
        assertThat(cc03.path("direction").asText()).isEqualTo("等于");
        JsonNode xy04 = targets.path("indicators").get(2);
        assertThat(xy04.path("targetText").asText()).isEqualTo("不发生规模性返贫");
        assertThat(xy04.has("targetValue")).isFalse();
        JsonNode my01 = targets.path("indicators").get(3);
        assertThat(my01.path("direction").asText()).isEqualTo("越大越好");
        assertThat(my01.path("targetValue").decimalValue()).isEqualByComparingTo("90");
        assertThat(my01.path("unitOfMeasure").asText()).isEqualTo("%");

        String months = "月份,基本支出累计,项目支出累计\n1,266.48,17.2\n7月,1971.92,292.4\n";
        given().contentType("text/csv").queryParam("table", "monthly-execution").body(months.getBytes(StandardCharsets.UTF_8))
                .post(year + "/budget/import").then().statusCode(200).header("ETag", "\"2\"");
        JsonNode monthly = get(year + "/monthly-execution");
        assertThat(monthly.path("months").findValuesAsText("month")).containsExactly("1", "7");
        assertThat(monthly.path("months").get(1).path("basicActual").decimalValue()).isEqualByComparingTo("1971.92");
        assertThat(get(year + "/budget/measures").path("measures").path("totalActual").decimalValue())
                .isEqualByComparingTo("2264.32");

        // a level 1 that is not one of the three, and a month with three decimals, are named by cell
        given().contentType("text/csv").queryParam("table", "targets")
                .body(csv.replace("产出,数量", "产出类,数量").getBytes(StandardCharsets.UTF_8))
                .post(year + "/budget/import").then().statusCode(400).contentType(ProblemDetail.MEDIA_TYPE)
                .body("errors.field", equalTo(List.of("绩效目标表!A3")))
                .body("errors[0].message", containsString("一级指标应为 产出、效益 或 满意度"));
        given().contentType("text/csv").queryParam("table", "monthly-execution")
                .body(months.replace("292.4", "292.401").getBytes(StandardCharsets.UTF_8))
                .post(year + "/budget/import").then().statusCode(400)
                .body("errors.field", equalTo(List.of("分月执行!C3")));
        given().get(year + "/budget").then().header("ETag", "\"2\"");
    }
}
