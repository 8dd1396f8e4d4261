package cn.perfeval.report.render;

import cn.perfeval.report.domain.CountySummary;
import cn.perfeval.report.domain.CountySummary.Row;
import cn.perfeval.report.domain.ReportDocument.Table;
import cn.perfeval.report.service.ReportAssembler;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The county summary as HTML, DOCX and XLSX. Texts stay texts in every format. */
public final class SummaryRenderer {

    private SummaryRenderer() {
    }

    public static String title(CountySummary s) {
        return s.county() + s.year() + "年度部门整体支出绩效评价结果汇总";
    }

    /** The ranking as a table: rank, unit, total, grade, group subtotals, versions. */
    public static Table table(CountySummary s) {
        List<String> header = new ArrayList<>(List.of("名次", "单位编码", "单位名称", "得分", "等次"));
        header.addAll(s.groups());
        header.addAll(List.of("评分完成", "预算数据版本", "评分版本"));
        List<List<String>> rows = new ArrayList<>();
        for (Row r : s.rows()) {
            List<String> cells = new ArrayList<>(List.of(r.rank() == null ? "" : r.rank().toString(), r.unitCode(),
                    r.unitName(), number(r.total()), r.grade() == null ? "未评分" : r.grade() + projected(r)));
            for (int g = 0; g < s.groups().size(); g++) {
                cells.add(g < r.groupPoints().size() ? number(r.groupPoints().get(g)) : "");
            }
            cells.add(r.complete() == null ? "" : r.complete() ? "是" : "否（暂定）");
            cells.add(Long.toString(r.budgetVersion()));
            cells.add(r.scoreVersion() == null ? "" : r.scoreVersion().toString());
            rows.add(cells);
        }
        List<Integer> numeric = new ArrayList<>(List.of(0, 3));
        for (int g = 0; g < s.groups().size(); g++) {
            numeric.add(5 + g);
        }
        return new Table(title(s), "分", header, rows, numeric);
    }

    /** "（预计，截至7月）" after the grade of a projected score; nothing for a year-end one. */
    static String projected(Row r) {
        if (r.scoreLabel() == null) {
            return "";
        }
        int open = r.scoreLabel().indexOf("（截至");
        return "（预计" + (open < 0 ? "" : "，" + r.scoreLabel().substring(open + 1, r.scoreLabel().length() - 1)) + "）";
    }

    private static String number(BigDecimal v) {
        return v == null ? "" : ReportAssembler.plain(v);
    }

    public static String html(CountySummary s) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(HtmlRenderer.escape(title(s))).append("</title>\n<style>\n").append(HtmlRenderer.STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(HtmlRenderer.escape(title(s))).append("</h1>\n");
        HtmlRenderer.table(h, table(s));
        h.append("<p class=\"provenance\">").append(HtmlRenderer.escape(s.provenance())).append("</p>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The date the summary's files carry: 1 January after its fiscal year (it has no issue date). */
    static java.time.LocalDateTime dateOf(CountySummary s) {
        return java.time.LocalDate.of(s.year() + 1, 1, 1).atStartOfDay();
    }

    public static byte[] docx(CountySummary s) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DocxRenderer.layout(doc);
            DocxRenderer.title(doc, title(s));
            DocxRenderer.table(doc, table(s));
            DocxRenderer.body(doc, s.provenance());
            doc.write(out);
            return SameBytes.ooxml(out.toByteArray(), dateOf(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * XLSX: numbers are numeric cells written from their exact decimal text; every other cell is
     * a string cell, and one that starts with = + - @ (or a tab or carriage return) is also
     * marked quote-prefixed, so that no spreadsheet program takes it for a formula.
     */
    public static byte[] xlsx(CountySummary s) {
        Table t = table(s);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("汇总");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle headerStyle = wb.createCellStyle();
            headerStyle.setFont(bold);
            CellStyle quoted = wb.createCellStyle();
            quoted.setQuotePrefixed(true);
            text(sheet.createRow(0).createCell(0), title(s), quoted);
            XSSFRow header = sheet.createRow(1);
            for (int c = 0; c < t.header().size(); c++) {
                XSSFCell cell = header.createCell(c);
                text(cell, t.header().get(c), quoted);
                cell.setCellStyle(headerStyle);
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
            text(sheet.createRow(t.rows().size() + 3).createCell(0), s.provenance(), quoted);
            sheet.createFreezePane(0, 2);
            for (int c = 0; c < t.header().size(); c++) {
                sheet.setColumnWidth(c, c == 2 ? 40 * 256 : c == 1 ? 22 * 256 : 12 * 256);
            }
            wb.write(out);
            return SameBytes.ooxml(out.toByteArray(), dateOf(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
