package cn.perfeval.report.season;

import cn.perfeval.report.domain.ReportDocument.Table;
import cn.perfeval.report.render.SameBytes;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The county review document as a workbook: sheet 复核汇总 (every unit), 抽查复核 (the latest sample) and
 * 复核指标 (every re-scored indicator of every reviewed unit). Scores are numeric cells written from their
 * exact decimal text; every other cell is text, and text that starts like a formula (= + - @, tab, carriage
 * return) is quote-prefixed so that no spreadsheet program evaluates it. Dated 1 January after the fiscal year.
 */
public final class ReviewSummaryXlsx {

    private ReviewSummaryXlsx() {
    }

    public static byte[] render(SeasonOverview o) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            Table units = ReviewSummaryAssembler.unitTable(o);
            XSSFSheet summary = sheet(wb, "复核汇总", ReviewSummaryAssembler.title(o), units, header, quoted);
            note(summary, units.rows().size() + 3, "截至" + ReviewSummaryAssembler.date(o.asOf()) + "：任务" + o.unitsTotal() + "个，逾期"
                    + o.overdue().size() + "个，已复核" + o.reviewed() + "个，自评质量问题" + o.flagged() + "个（偏差阈值"
                    + ReviewSummaryAssembler.plain(o.deviationThreshold()) + "分）。", quoted);
            widths(summary, 6, 40, 16, 10, 10, 10, 10, 10, 16);

            List<List<String>> sampleRows = new ArrayList<>();
            SampleView s = o.latestSample();
            if (s != null) {
                int n = 0;
                for (SampleView.SampleUnit u : s.units()) {
                    for (SampleView.Reason r : u.reasons()) {
                        sampleRows.add(List.of(Integer.toString(++n), u.unitCode(), ReviewSummaryAssembler.name(u.unitName(), u.unitCode()),
                                r.code().equals(SampleService.RANDOM) ? "随机抽取" : SampleRule.valueOf(r.code()).label(), r.text()));
                    }
                }
            }
            Table sampleTable = new Table("抽查复核单位", null, List.of("序号", "单位代码", "单位", "抽取方式", "抽取原因"), sampleRows, List.of(0));
            XSSFSheet sample = sheet(wb, "抽查复核", s == null ? "尚未抽取抽查复核单位" : "第" + s.number() + "次抽取：比例"
                    + ReviewSummaryAssembler.plain(s.share()) + "%，随机种子" + s.seed() + "，已提交单位" + s.population().size() + "个",
                    sampleTable, header, quoted);
            widths(sample, 6, 22, 40, 24, 80);

            List<List<String>> indicatorRows = new ArrayList<>();
            for (SeasonOverview.UnitRow u : o.units()) {
                if (u.reviewedIndicators() == null) {
                    continue;
                }
                for (SeasonOverview.ReviewedIndicator r : u.reviewedIndicators()) {
                    indicatorRows.add(List.of(ReviewSummaryAssembler.name(u.unitName(), u.unitCode()), r.code(), r.name(),
                            ReviewSummaryAssembler.plain(r.maxPoints()), ReviewSummaryAssembler.plain(r.selfPoints()),
                            ReviewSummaryAssembler.plain(r.reviewPoints()), ReviewSummaryAssembler.plain(r.deviation()),
                            r.reason() == null ? "" : r.reason(), u.flagged() ? "是" : "否"));
                }
            }
            Table indicators = new Table("重新评分的指标", "分", List.of("单位", "指标代码", "指标名称", "满分", "自评得分", "复核得分", "偏差",
                    "复核理由", "自评质量问题"), indicatorRows, List.of(3, 4, 5, 6));
            widths(sheet(wb, "复核指标", "评价人员重新评分的指标（分）", indicators, header, quoted), 40, 10, 30, 8, 10, 10, 8, 60, 12);
            wb.write(out);
            return SameBytes.ooxml(out.toByteArray(), LocalDate.of(o.year() + 1, 1, 1).atStartOfDay());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XSSFSheet sheet(XSSFWorkbook wb, String name, String title, Table t, CellStyle header, CellStyle quoted) {
        XSSFSheet sheet = wb.createSheet(name);
        text(sheet.createRow(0).createCell(0), title, quoted);
        XSSFRow h = sheet.createRow(1);
        for (int c = 0; c < t.header().size(); c++) {
            XSSFCell cell = h.createCell(c);
            text(cell, t.header().get(c), quoted);
            cell.setCellStyle(header);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XSSFRow row = sheet.createRow(r + 2);
            List<String> cells = t.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                String v = cells.get(c);
                XSSFCell cell = row.createCell(c);
                if (t.numericColumns().contains(c) && v.matches("-?\\d+(\\.\\d+)?")) {
                    // the exact decimal text, without going through a double
                    cell.getCTCell().setT(STCellType.N);
                    cell.getCTCell().setV(v);
                } else {
                    text(cell, v, quoted);
                }
            }
        }
        sheet.createFreezePane(0, 2);
        return sheet;
    }

    private static void note(XSSFSheet sheet, int row, String text, CellStyle quoted) {
        text(sheet.createRow(row).createCell(0), text, quoted);
    }

    private static void widths(XSSFSheet sheet, int... chars) {
        for (int c = 0; c < chars.length; c++) {
            sheet.setColumnWidth(c, chars[c] * 256);
        }
    }

    static boolean formulaLike(String v) {
        return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0;
    }

    private static void text(XSSFCell cell, String v, CellStyle quoted) {
        cell.setCellValue(v);
        if (formulaLike(v)) {
            cell.setCellStyle(quoted);
        }
    }
}
