package cn.perfeval.budget.service;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemType;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.budget.api.AmountUnit;
import cn.perfeval.platform.problem.ProblemDetail.FieldError;
import cn.perfeval.budget.api.UnitYearDtos.BudgetSummary;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureRowDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureTable;
import cn.perfeval.budget.api.UnitYearDtos.RevenueRowDto;
import cn.perfeval.budget.api.UnitYearDtos.RevenueTable;
import cn.perfeval.budget.api.UnitYearDtos.SummaryExpenditureItem;
import cn.perfeval.budget.api.UnitYearDtos.SummaryRevenueItem;
import cn.perfeval.budget.api.TargetDtos.MonthDto;
import cn.perfeval.budget.api.TargetDtos.MonthlyExecution;
import cn.perfeval.budget.api.TargetDtos.TargetDto;
import cn.perfeval.budget.api.TargetDtos.TargetTable;
import cn.perfeval.budget.domain.FunctionCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the standard tables from an {@code .xlsx} workbook (one sheet per table, named 收支总表,
 * 收入总表, 支出总表) or from a CSV file (one table), in the layout of the printed report. Every
 * problem is reported with its cell ({@code 支出总表!C7}); nothing is returned unless the whole
 * file is valid. Amounts are read from the stored text of a cell, never through a double.
 *
 * <p>Layout: optional title rows; optionally a cell {@code 单位：万元} or {@code 单位：元}; a header
 * row (below); one row per function code in order; an optional {@code 合计} row, which is not
 * stored. Header row of the 支出总表: 科目编码, 科目名称, 合计, 基本支出, 项目支出. Of the 收入总表:
 * 科目编码, 科目名称, 合计, 一般公共预算拨款, 经费拨款, 纳入一般公共预算管理的非税收入拨款,
 * 政府性基金收入, 纳入专户管理的非税收入拨款, 上级补助收入, 其他收入 (empty cells allowed). Of
 * the 收支总表: 收入项目, 收入预算数, 科目编码, 支出项目, 支出预算数; a revenue item whose text
 * starts with 其中： (or is indented) is a sub-item of the source above it; 收入总计, 结转下年 and
 * 支出总计 are the totals.
 *
 * <p>绩效目标表 (sheet 绩效目标表, CSV table {@code targets}): the overall goal in a cell labelled 年度总体目标
 * above the header row, the text in the first non-empty cell to its right (or after 年度总体目标： in the same
 * cell); a header row with 一级指标, 二级指标, 三级指标 (or 三级指标名称, 指标名称), 指标编码, 计量单位, 指标值,
 * 指标方向 and optionally 分值 (or 权重); one row per indicator until an empty row or a 合计 row. An empty
 * 一级指标 or 二级指标 cell repeats the one above (merged cells, as in the national form). 指标方向 is 越大越好,
 * 越小越好, 等于 or 定性, or ≥, ≤, = as printed in the national table; a 指标值 that starts with ≥, ≤ or = gives
 * the direction when the 指标方向 cell is empty. A qualitative target's 指标值 is its text.
 *
 * <p>分月执行 (sheet 分月执行, CSV table {@code monthly-execution}): a header row with 月份, 基本支出累计 and
 * 项目支出累计, one row per month (7 or 7月), cumulative amounts in the unit of the 单位 cell (万元 when absent).
 */
public final class TableImport {

    public static final String EXPENDITURE = "支出总表";
    public static final String REVENUE = "收入总表";
    public static final String SUMMARY = "收支总表";
    public static final String TARGETS = "绩效目标表";
    public static final String MONTHLY = "分月执行";

    /** Largest accepted file, bytes. */
    public static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    /** Largest accepted sheet: rows and columns. */
    public static final int MAX_ROWS = 2000;
    public static final int MAX_COLUMNS = 30;

    static {
        // zip bombs: refuse entries that inflate more than 100 times, or beyond 50 MB, or with too much text
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(10L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(200);
    }

    /**
     * The tables found in a file; a table absent from the file is null. {@code cells} says where each value
     * came from ("支出总表: rows[3].name" → "支出总表!B7"), so that a value refused later is reported at its cell.
     */
    public record Tables(BudgetSummary budgetSummary, RevenueTable revenue, ExpenditureTable expenditure,
                         TargetTable targets, MonthlyExecution monthlyExecution, Map<String, String> cells) {

        /** The cell a value of {@code table} at {@code path} was read from, or the table and path when unknown. */
        public String cell(String table, String path) {
            return cells.getOrDefault(table + ": " + path, table + ": " + path);
        }

        /** The tables present, by the names of their resources (budget-summary, revenue, expenditure). */
        public List<String> names() {
            List<String> names = new ArrayList<>();
            if (budgetSummary != null) {
                names.add("budget-summary");
            }
            if (revenue != null) {
                names.add("revenue");
            }
            if (expenditure != null) {
                names.add("expenditure");
            }
            if (targets != null) {
                names.add("targets");
            }
            if (monthlyExecution != null) {
                names.add("monthly-execution");
            }
            return names;
        }
    }

    /** A sheet as text: rows of cell texts (numbers as their stored decimal text). */
    record Grid(String name, List<List<String>> rows) {

        String cell(int row, int col) {
            if (row >= rows.size()) {
                return "";
            }
            List<String> r = rows.get(row);
            return col < r.size() && r.get(col) != null ? r.get(col).strip() : "";
        }

        String ref(int row, int col) {
            return name + "!" + CellReference.convertNumToColString(col) + (row + 1);
        }
    }

    private final List<FieldError> errors = new ArrayList<>();
    /** An amount as a cell holds it: ASCII digits, an optional sign, decimal point and exponent. */
    private static final java.util.regex.Pattern ASCII_DECIMAL = java.util.regex.Pattern.compile("[-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]{1,3})?");
    /** Where each value was read: "支出总表: rows[3].name" → "支出总表!B7". */
    private final Map<String, String> cells = new HashMap<>();

    private void at(Grid g, String path, int row, Integer col) {
        if (col != null) {
            cells.put(g.name() + ": " + path, g.ref(row, col));
        }
    }

    /** The line (from 1) of the first byte that is not UTF-8. */
    static int firstLineNotUtf8(byte[] bytes) {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        d.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private TableImport() {
    }

    // ------------------------------------------------------------------ entry points

    public static Tables fromXlsx(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge("工作簿有 " + bytes.length + " 字节，最多接受 " + MAX_FILE_BYTES + " 字节（2 MB）");
        }
        requireCompleteZip(bytes);
        Map<String, Grid> grids = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (String name : List.of(SUMMARY, REVENUE, EXPENDITURE, TARGETS, MONTHLY)) {
                XSSFSheet sheet = wb.getSheet(name);
                if (sheet != null) {
                    grids.put(name, grid(sheet));
                }
            }
        } catch (ApiException e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw unreadable(e);
        }
        if (grids.isEmpty()) {
            String msg = "工作簿中没有名为“" + SUMMARY + "”“" + REVENUE + "”“" + EXPENDITURE + "”“" + TARGETS + "”或“"
                    + MONTHLY + "”的工作表";
            throw new ApiException(ProblemType.MALFORMED_WORKBOOK, msg,
                    List.of(new FieldError("file", msg, null)));
        }
        TableImport p = new TableImport();
        Tables t = new Tables(
                grids.containsKey(SUMMARY) ? p.summary(grids.get(SUMMARY)) : null,
                grids.containsKey(REVENUE) ? p.revenue(grids.get(REVENUE)) : null,
                grids.containsKey(EXPENDITURE) ? p.expenditure(grids.get(EXPENDITURE)) : null,
                grids.containsKey(TARGETS) ? p.targets(grids.get(TARGETS)) : null,
                grids.containsKey(MONTHLY) ? p.monthly(grids.get(MONTHLY)) : null, p.cells);
        p.throwIfErrors();
        return t;
    }

    /**
     * The rows of one sheet of a bulk-import workbook (issue #18) as text cells: the sheet named {@code sheetName}, or
     * the workbook's only sheet. Checked as every workbook upload is (complete zip, no zip bomb), with a row limit of
     * its own, since one sheet holds many unit-years.
     */
    static List<List<String>> bulkSheet(byte[] bytes, String sheetName, int maxRows) {
        requireCompleteZip(bytes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = wb.getSheet(sheetName);
            if (sheet == null && wb.getNumberOfSheets() == 1) {
                sheet = wb.getSheetAt(0);
            }
            if (sheet == null) {
                String msg = "工作簿中没有名为“" + sheetName + "”的工作表（只有一张工作表时不限名称）";
                throw new ApiException(ProblemType.MALFORMED_WORKBOOK, msg, List.of(new FieldError("file", msg, null)));
            }
            return grid(sheet, maxRows, "；更多的单位年度请分成多个作业").rows();
        } catch (ApiException e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw unreadable(e);
        }
    }

    /** A workbook POI could not read, or one that inflates suspiciously (a zip bomb). */
    private static ApiException unreadable(Throwable e) {
        String reason = e.getMessage() != null && e.getMessage().contains("Zip bomb")
                ? "工作簿解压后异常膨胀（疑似压缩炸弹），未读取"
                : "文件不是可读取的 xlsx 工作簿";
        return new ApiException(ProblemType.MALFORMED_WORKBOOK, reason, List.of(new FieldError("file", reason, null)));
    }

    /**
     * Refuses a workbook cut short: read as a stream, a truncated upload would still yield the sheets before the
     * cut and silently leave the others as they were.
     */
    private static void requireCompleteZip(byte[] bytes) {
        if (!isCompleteZip(bytes)) {
            String msg = "文件不是完整的 xlsx 工作簿（可能上传不完整）；请重新上传";
            throw new ApiException(ProblemType.MALFORMED_WORKBOOK, msg, List.of(new FieldError("file", msg, null)));
        }
    }

    /** Whether the file ends with a zip "end of central directory" record, as every complete .xlsx does. */
    static boolean isCompleteZip(byte[] bytes) {
        int earliest = Math.max(0, bytes.length - 22 - 65_535);
        for (int i = bytes.length - 22; i >= earliest; i--) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06) {
                return true;
            }
        }
        return false;
    }

    /**
     * One table from CSV (UTF-8, comma-separated); {@code table} is expenditure, revenue, budget-summary, targets
     * or monthly-execution.
     */
    public static Tables fromCsv(String table, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge("CSV 文件有 " + bytes.length + " 字节，最多接受 " + MAX_FILE_BYTES + " 字节（2 MB）");
        }
        String name = switch (table == null ? "" : table) {
            case "expenditure" -> EXPENDITURE;
            case "revenue" -> REVENUE;
            case "budget-summary" -> SUMMARY;
            case "targets" -> TARGETS;
            case "monthly-execution" -> MONTHLY;
            default -> throw ApiException.invalid("table", "CSV 导入须以参数 table 说明是哪张表：expenditure（支出总表）、revenue（收入总表）、"
                    + "budget-summary（收支总表）、targets（绩效目标表）或 monthly-execution（分月执行）", table);
        };
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            String msg = "CSV 文件不是 UTF-8 编码的文本（第 " + firstLineNotUtf8(bytes) + " 行有无法按 UTF-8 读取的字节）；请另存为 UTF-8 编码后再导入";
            throw new ApiException(ProblemType.MALFORMED_CSV, msg, List.of(new FieldError("file", msg, null)));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setMaxRows(MAX_ROWS + 1).get().parse(new StringReader(text))) {
            for (CSVRecord r : parser) {
                if (rows.size() >= MAX_ROWS || r.size() > MAX_COLUMNS) {
                    throw tooLarge("CSV 的一张表最多 " + MAX_ROWS + " 行、" + MAX_COLUMNS + " 列");
                }
                rows.add(r.toList());
            }
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("\\(line (\\d+)\\)|startline (\\d+)")
                    .matcher(String.valueOf(e.getMessage()));
            String where = line.find() ? "第 " + (line.group(1) != null ? line.group(1) : line.group(2)) + " 行起" : "";
            String msg = "不是有效的 CSV" + (where.isEmpty() ? "" : "（" + where + "）")
                    + "：带引号的单元格缺少结束的引号，或引号内外的写法不对；单元格中的引号应写成两个双引号";
            throw new ApiException(ProblemType.MALFORMED_CSV, msg, List.of(new FieldError("file", msg, null)));
        }
        Grid g = new Grid(name, rows);
        TableImport p = new TableImport();
        Tables t = switch (name) {
            case EXPENDITURE -> new Tables(null, null, p.expenditure(g), null, null, p.cells);
            case REVENUE -> new Tables(null, p.revenue(g), null, null, null, p.cells);
            case TARGETS -> new Tables(null, null, null, p.targets(g), null, p.cells);
            case MONTHLY -> new Tables(null, null, null, null, p.monthly(g), p.cells);
            default -> new Tables(p.summary(g), null, null, null, null, p.cells);
        };
        p.throwIfErrors();
        return t;
    }

    // ------------------------------------------------------------------ workbook → grid

    private static Grid grid(XSSFSheet sheet) {
        return grid(sheet, MAX_ROWS, "");
    }

    /** The sheet's cells as text; too large beyond {@code maxRows} rows ({@code hint} ends the message). */
    private static Grid grid(XSSFSheet sheet, int maxRows, String hint) {
        if (sheet.getLastRowNum() >= maxRows) {
            throw tooLarge("工作表“" + sheet.getSheetName() + "”有 " + (sheet.getLastRowNum() + 1) + " 行，最多接受 "
                    + maxRows + " 行" + hint);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i <= sheet.getLastRowNum(); i++) {
            XSSFRow row = sheet.getRow(i);
            List<String> cells = new ArrayList<>();
            if (row != null) {
                if (row.getLastCellNum() > MAX_COLUMNS) {
                    throw tooLarge("工作表“" + sheet.getSheetName() + "”第 " + (i + 1) + " 行有 " + row.getLastCellNum()
                            + " 列，最多接受 " + MAX_COLUMNS + " 列");
                }
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c)));
                }
            }
            rows.add(cells);
        }
        return new Grid(sheet.getSheetName(), rows);
    }

    /** The text of a cell; a number as the decimal text stored in the file (no double on the way). */
    private static String text(XSSFCell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> cell.getRawValue() == null ? "" : number(cell.getRawValue());
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> cell.getRawValue();
            case ERROR -> "#ERROR";
            default -> "";
        };
    }

    /**
     * A number as Excel shows it: at most 15 significant digits, so that a value some writer
     * stored as 274.95999999999998 reads as 274.96. Plain notation, no exponent.
     */
    static String number(String raw) {
        try {
            BigDecimal v = new BigDecimal(raw.strip()).round(new java.math.MathContext(15)).stripTrailingZeros();
            return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    // ------------------------------------------------------------------ grid → tables

    private ExpenditureTable expenditure(Grid g) {
        int header = headerRow(g, "科目编码");
        if (header < 0) {
            return null;
        }
        Map<String, Integer> cols = columns(g, header, List.of("科目编码", "科目名称", "合计", "基本支出", "项目支出"), List.of());
        if (cols == null) {
            return null;
        }
        List<ExpenditureRowDto> rows = new ArrayList<>();
        List<Integer> sheetRows = new ArrayList<>();
        for (int r = header + 1; r < g.rows().size(); r++) {
            if (isEnd(g, r, cols)) {
                break;
            }
            String code = code(g, r, cols.get("科目编码"));
            String name = name(g, r, cols.get("科目名称"));
            String at = "rows[" + rows.size() + "].";
            at(g, at + "code", r, cols.get("科目编码"));
            at(g, at + "name", r, cols.get("科目名称"));
            at(g, at + "total", r, cols.get("合计"));
            at(g, at + "basic", r, cols.get("基本支出"));
            at(g, at + "project", r, cols.get("项目支出"));
            rows.add(new ExpenditureRowDto(code, name, amount(g, r, cols.get("合计"), true),
                    amount(g, r, cols.get("基本支出"), true), amount(g, r, cols.get("项目支出"), true)));
            sheetRows.add(r);
        }
        hierarchy(g, rows.stream().map(ExpenditureRowDto::code).toList(), sheetRows, cols.get("科目编码"));
        return new ExpenditureTable(amountUnit(g, header), rows);
    }

    private static final List<String> REVENUE_SOURCES = List.of("一般公共预算拨款", "经费拨款",
            "纳入一般公共预算管理的非税收入拨款", "政府性基金收入", "纳入专户管理的非税收入拨款", "上级补助收入", "其他收入");
    /** The fields of a revenue row the sources above are read into, in the same order. */
    private static final List<String> REVENUE_FIELDS = List.of("generalBudget", "generalBudgetFunding",
            "generalBudgetNonTax", "governmentFund", "specialAccountNonTax", "superiorSubsidy", "other");

    private RevenueTable revenue(Grid g) {
        int header = headerRow(g, "科目编码");
        if (header < 0) {
            return null;
        }
        Map<String, Integer> cols = columns(g, header, List.of("科目编码", "科目名称", "合计"), REVENUE_SOURCES);
        if (cols == null) {
            return null;
        }
        List<RevenueRowDto> rows = new ArrayList<>();
        List<Integer> sheetRows = new ArrayList<>();
        for (int r = header + 1; r < g.rows().size(); r++) {
            if (isEnd(g, r, cols)) {
                break;
            }
            BigDecimal[] s = new BigDecimal[REVENUE_SOURCES.size()];
            for (int i = 0; i < s.length; i++) {
                Integer c = cols.get(REVENUE_SOURCES.get(i));
                s[i] = c == null ? null : amount(g, r, c, false);
            }
            String at = "rows[" + rows.size() + "].";
            at(g, at + "code", r, cols.get("科目编码"));
            at(g, at + "name", r, cols.get("科目名称"));
            at(g, at + "total", r, cols.get("合计"));
            for (int i = 0; i < REVENUE_FIELDS.size(); i++) {
                at(g, at + REVENUE_FIELDS.get(i), r, cols.get(REVENUE_SOURCES.get(i)));
            }
            rows.add(new RevenueRowDto(code(g, r, cols.get("科目编码")), name(g, r, cols.get("科目名称")),
                    amount(g, r, cols.get("合计"), true), s[0], s[1], s[2], s[3], s[4], s[5], s[6]));
            sheetRows.add(r);
        }
        hierarchy(g, rows.stream().map(RevenueRowDto::code).toList(), sheetRows, cols.get("科目编码"));
        return new RevenueTable(amountUnit(g, header), rows);
    }

    private BudgetSummary summary(Grid g) {
        int header = headerRow(g, "收入项目");
        if (header < 0) {
            return null;
        }
        Map<String, Integer> cols = columns(g, header, List.of("收入项目", "收入预算数", "科目编码", "支出项目", "支出预算数"), List.of());
        if (cols == null) {
            return null;
        }
        List<String> sources = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        List<List<SummaryRevenueItem>> children = new ArrayList<>();
        List<SummaryExpenditureItem> expenditure = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        BigDecimal revenueTotal = null;
        BigDecimal carry = null;
        BigDecimal expenditureTotal = null;
        int ri = cols.get("收入项目");
        int ci = cols.get("科目编码");
        int ei = cols.get("支出项目");
        for (int r = header + 1; r < g.rows().size(); r++) {
            String raw = g.rows().get(r).size() > ri && g.rows().get(r).get(ri) != null ? g.rows().get(r).get(ri) : "";
            String item = clean(raw);
            if (!item.isEmpty()) {
                BigDecimal amount = amount(g, r, cols.get("收入预算数"), true);
                int ai = cols.get("收入预算数");
                if (item.equals("收入总计") || item.equals("收入合计")) {
                    at(g, "revenueTotal", r, ai);
                    revenueTotal = amount;
                } else if (isSubItem(raw)) {
                    if (sources.isEmpty()) {
                        error(g.ref(r, ri), "“其中”项的上方应先有它所属的收入项目", raw);
                    } else {
                        String at = "revenue[" + (sources.size() - 1) + "].children[" + children.get(children.size() - 1).size() + "].";
                        at(g, at + "item", r, ri);
                        at(g, at + "amount", r, ai);
                        children.get(children.size() - 1).add(new SummaryRevenueItem(item, amount, null));
                    }
                } else {
                    if (sources.contains(item)) {
                        error(g.ref(r, ri), "收入项目重复：每个项目只能出现一次", item);
                    }
                    at(g, "revenue[" + sources.size() + "].item", r, ri);
                    at(g, "revenue[" + sources.size() + "].amount", r, ai);
                    sources.add(item);
                    amounts.add(amount);
                    children.add(new ArrayList<>());
                }
            }
            String code = g.cell(r, ci);
            String eItem = clean(g.cell(r, ei));
            if (!eItem.isEmpty() || !code.isEmpty()) {
                BigDecimal amount = amount(g, r, cols.get("支出预算数"), true);
                int xi = cols.get("支出预算数");
                if (code.isEmpty() && (eItem.equals("支出总计") || eItem.equals("支出合计"))) {
                    at(g, "expenditureTotal", r, xi);
                    expenditureTotal = amount;
                } else if (code.isEmpty() && eItem.startsWith("结转下年")) {
                    at(g, "carryForwardToNextYear", r, xi);
                    carry = amount;
                } else if (!code.matches("\\d{3}")) {
                    error(g.ref(r, ci), "应为 3 位数字的类级科目编码，如 201", code);
                } else {
                    if (!codes.add(code)) {
                        error(g.ref(r, ci), "科目编码重复：每个编码只能出现一次", code);
                    }
                    if (eItem.isEmpty()) {
                        error(g.ref(r, ei), "支出项目不得为空", null);
                    }
                    String at = "expenditure[" + expenditure.size() + "].";
                    at(g, at + "code", r, ci);
                    at(g, at + "item", r, ei);
                    at(g, at + "amount", r, xi);
                    expenditure.add(new SummaryExpenditureItem(code, eItem, amount));
                }
            }
        }
        List<SummaryRevenueItem> revenue = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            revenue.add(new SummaryRevenueItem(sources.get(i), amounts.get(i), children.get(i).isEmpty() ? null : children.get(i)));
        }
        return new BudgetSummary(amountUnit(g, header), revenue, revenueTotal, expenditure, carry, expenditureTotal);
    }

    // ------------------------------------------------------------------ 绩效目标表 and 分月执行

    /** Header texts of the target table, each with the words a unit may print instead. */
    private static final Map<String, List<String>> TARGET_HEADERS = new LinkedHashMap<>();

    static {
        TARGET_HEADERS.put("一级指标", List.of("一级指标"));
        TARGET_HEADERS.put("二级指标", List.of("二级指标"));
        TARGET_HEADERS.put("三级指标", List.of("三级指标", "三级指标名称", "三级指标(名称)", "三级指标（名称）", "指标名称"));
        TARGET_HEADERS.put("指标编码", List.of("指标编码", "编码"));
        TARGET_HEADERS.put("计量单位", List.of("计量单位", "单位"));
        TARGET_HEADERS.put("指标值", List.of("指标值", "目标值", "年度指标值"));
        TARGET_HEADERS.put("指标方向", List.of("指标方向", "方向", "指标性质"));
        TARGET_HEADERS.put("分值", List.of("分值", "权重", "分值(权重)", "分值（权重）", "权重(分值)", "权重（分值）"));
    }

    /** 指标方向 as printed: the four words, or the signs of the national table. */
    static String direction(String text) {
        String t = text.replace(" ", "");
        return switch (t) {
            case "越大越好", "≥", ">=", "＞＝", "≧", "正向" -> "越大越好";
            case "越小越好", "≤", "<=", "＜＝", "≦", "反向" -> "越小越好";
            case "等于", "=", "＝" -> "等于";
            case "定性" -> "定性";
            default -> null;
        };
    }

    private TargetTable targets(Grid g) {
        int header = headerRow(g, "一级指标");
        if (header < 0) {
            return null;
        }
        Map<String, Integer> cols = new HashMap<>();
        for (int c = 0; c < g.rows().get(header).size(); c++) {
            String h = clean(g.cell(header, c)).replace(" ", "");
            for (Map.Entry<String, List<String>> e : TARGET_HEADERS.entrySet()) {
                if (e.getValue().contains(h) && !cols.containsKey(e.getKey())) {
                    cols.put(e.getKey(), c);
                }
            }
        }
        boolean ok = true;
        for (String h : List.of("一级指标", "二级指标", "三级指标", "指标编码", "指标值", "指标方向")) {
            if (!cols.containsKey(h)) {
                error(g.ref(header, 0), "表头缺少“" + h + "”列", null);
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        String goal = overallGoal(g, header);
        List<TargetDto> indicators = new ArrayList<>();
        String level1 = null;
        String level2 = null;
        int level1Row = -1;
        int level2Row = -1;
        for (int r = header + 1; r < g.rows().size(); r++) {
            int row = r;
            if (g.rows().get(r).stream().allMatch(c -> c == null || c.isBlank())) {
                break;
            }
            String first = clean(g.cell(r, cols.get("一级指标")));
            if (first.equals("合计") || first.equals("总计") || clean(g.cell(r, cols.get("三级指标"))).equals("合计")) {
                break;
            }
            String at = "indicators[" + indicators.size() + "].";
            for (String[] f : new String[][]{{"code", "指标编码"}, {"level1", "一级指标"}, {"level2", "二级指标"},
                    {"name", "三级指标"}, {"unitOfMeasure", "计量单位"}, {"targetValue", "指标值"}, {"targetText", "指标值"},
                    {"direction", "指标方向"}, {"weight", "分值"}}) {
                at(g, at + f[0], row, cols.get(f[1]));
            }
            first = withoutSuffix(first);
            if (!first.isEmpty()) {
                level1 = first;
                level1Row = r;
            } else if (level1 == null) {
                error(g.ref(r, cols.get("一级指标")), "一级指标不得为空：应为 产出、效益 或 满意度", null);
            }
            String second = withoutSuffix(clean(g.cell(r, cols.get("二级指标"))));
            if (!second.isEmpty()) {
                level2 = second;
                level2Row = r;
            } else if (level2 == null || !first.isEmpty()) {
                // a new level 1 starts a new level 2 as well
                error(g.ref(r, cols.get("二级指标")), "二级指标不得为空", null);
                level2 = "";
            }
            // an inherited category is reported at the cell it was written in
            if (first.isEmpty() && level1Row >= 0) {
                at(g, at + "level1", level1Row, cols.get("一级指标"));
            }
            if (second.isEmpty() && level2Row >= 0) {
                at(g, at + "level2", level2Row, cols.get("二级指标"));
            }
            String code = g.cell(r, cols.get("指标编码"));
            if (code.isEmpty()) {
                error(g.ref(r, cols.get("指标编码")), "指标编码不得为空，如 CC-01", null);
            }
            String name = clean(g.cell(r, cols.get("三级指标")));
            if (name.isEmpty()) {
                error(g.ref(r, cols.get("三级指标")), "三级指标名称不得为空", null);
            }
            String unit = cols.containsKey("计量单位") ? g.cell(r, cols.get("计量单位")) : "";
            String valueText = g.cell(r, cols.get("指标值"));
            String directionText = g.cell(r, cols.get("指标方向"));
            String direction = directionText.isEmpty() ? null : direction(directionText);
            if (directionText.isEmpty()) {
                // the national table may print the sign with the value: ≥42906
                String sign = valueText.isEmpty() ? "" : valueText.substring(0, 1);
                direction = direction(sign);
                if (direction != null) {
                    valueText = valueText.substring(1).strip();
                } else {
                    error(g.ref(r, cols.get("指标方向")), "指标方向不得为空：应为 越大越好、越小越好、等于 或 定性（也可写 ≥、≤、=）", null);
                }
            } else if (direction == null) {
                error(g.ref(r, cols.get("指标方向")), "指标方向应为 越大越好、越小越好、等于 或 定性（也可写 ≥、≤、=）", directionText);
            }
            BigDecimal targetValue = null;
            String targetText = null;
            if ("定性".equals(direction)) {
                targetText = valueText.isEmpty() ? null : valueText;
            } else if (valueText.isEmpty()) {
                if (direction != null) {
                    error(g.ref(r, cols.get("指标值")), "定量指标的指标值不得为空，应为数字，如 42906", null);
                }
            } else {
                String number = valueText.replace(",", "");
                if (number.endsWith("%") && (unit.isEmpty() || unit.equals("%"))) {
                    number = number.substring(0, number.length() - 1).strip();
                    if (unit.isEmpty()) {
                        unit = "%";
                    }
                }
                if (ASCII_DECIMAL.matcher(number).matches()) {
                    targetValue = new BigDecimal(number);
                } else if (direction != null) {
                    error(g.ref(r, cols.get("指标值")), "定量指标（" + direction + "）的指标值应为半角数字，如 42906；文字的指标值请把指标方向填为 定性", valueText);
                }
            }
            BigDecimal weight = null;
            if (cols.containsKey("分值") && !g.cell(r, cols.get("分值")).isEmpty()) {
                String w = g.cell(r, cols.get("分值"));
                if (ASCII_DECIMAL.matcher(w).matches()) {
                    weight = new BigDecimal(w);
                } else {
                    error(g.ref(r, cols.get("分值")), "分值应为半角数字，如 7", w);
                }
            }
            indicators.add(new TargetDto(code, level1 == null ? "" : level1, level2 == null ? "" : level2, name,
                    unit.isEmpty() ? null : unit, targetValue, targetText, direction == null ? "" : direction, weight));
        }
        return new TargetTable(goal, indicators);
    }

    /** 产出指标 → 产出, 服务对象满意度指标 → 服务对象满意度: the national form names the categories with 指标. */
    static String withoutSuffix(String category) {
        return category.length() > 2 && category.endsWith("指标") ? category.substring(0, category.length() - 2) : category;
    }

    /** 年度总体目标: a labelled cell above the header, the text to its right or after the label in the same cell. */
    private String overallGoal(Grid g, int header) {
        for (int r = 0; r < header; r++) {
            List<String> row = g.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                String t = g.cell(r, c);
                if (t.startsWith("年度总体目标")) {
                    at(g, "overallGoal", r, c);
                    String rest = t.substring("年度总体目标".length()).replaceFirst("^[：:]", "").strip();
                    if (!rest.isEmpty()) {
                        return rest;
                    }
                    for (int k = c + 1; k < row.size(); k++) {
                        if (!g.cell(r, k).isEmpty()) {
                            at(g, "overallGoal", r, k);
                            return g.cell(r, k);
                        }
                    }
                    return null;
                }
            }
        }
        return null;
    }

    private MonthlyExecution monthly(Grid g) {
        int header = headerRow(g, "月份");
        if (header < 0) {
            return null;
        }
        Map<String, Integer> cols = columns(g, header, List.of("月份", "基本支出累计", "项目支出累计"), List.of());
        if (cols == null) {
            return null;
        }
        List<MonthDto> months = new ArrayList<>();
        for (int r = header + 1; r < g.rows().size(); r++) {
            if (g.rows().get(r).stream().allMatch(c -> c == null || c.isBlank())) {
                break;
            }
            String at = "months[" + months.size() + "].";
            at(g, at + "month", r, cols.get("月份"));
            at(g, at + "basicActual", r, cols.get("基本支出累计"));
            at(g, at + "projectActual", r, cols.get("项目支出累计"));
            String m = g.cell(r, cols.get("月份")).replaceFirst("月$", "").strip();
            Integer month = null;
            if (m.matches("[0-9]{1,2}") && Integer.parseInt(m) >= 1 && Integer.parseInt(m) <= 12) {
                month = Integer.parseInt(m);
            } else {
                error(g.ref(r, cols.get("月份")), "月份应为 1–12（可写 7 或 7月）", g.cell(r, cols.get("月份")));
            }
            months.add(new MonthDto(month == null ? 1 : month, amount(g, r, cols.get("基本支出累计"), true),
                    amount(g, r, cols.get("项目支出累计"), true), null));
        }
        if (months.isEmpty()) {
            error(g.name() + "!A1", "表中没有数据行", null);
        }
        return new MonthlyExecution(amountUnit(g, header), months);
    }

    // ------------------------------------------------------------------ cells

    private int headerRow(Grid g, String first) {
        for (int r = 0; r < Math.min(g.rows().size(), 20); r++) {
            for (int c = 0; c < g.rows().get(r).size(); c++) {
                if (first.equals(g.cell(r, c))) {
                    return r;
                }
            }
        }
        error(g.name() + "!A1", "没有表头：前 20 行中应有一行含“" + first + "”单元格的表头", null);
        return -1;
    }

    private Map<String, Integer> columns(Grid g, int header, List<String> required, List<String> optional) {
        Map<String, Integer> cols = new HashMap<>();
        List<String> row = g.rows().get(header);
        for (int c = 0; c < row.size(); c++) {
            String h = clean(g.cell(header, c)).replace("其中：", "");
            if ((required.contains(h) || optional.contains(h)) && !cols.containsKey(h)) {
                cols.put(h, c);
            }
        }
        boolean ok = true;
        for (String h : required) {
            if (!cols.containsKey(h)) {
                error(g.ref(header, 0), "表头缺少“" + h + "”列", null);
                ok = false;
            }
        }
        return ok ? cols : null;
    }

    /** The table ends at an empty row or at its 合计 row. */
    private static boolean isEnd(Grid g, int r, Map<String, Integer> cols) {
        String code = g.cell(r, cols.get("科目编码"));
        String name = clean(g.cell(r, cols.get("科目名称")));
        if (code.isEmpty() && (name.equals("合计") || name.equals("总计"))) {
            return true;
        }
        if (code.equals("合计") || code.equals("总计")) {
            return true;
        }
        return g.rows().get(r).stream().allMatch(c -> c == null || c.isBlank());
    }

    private String code(Grid g, int r, int c) {
        String code = g.cell(r, c);
        if (!FunctionCode.isValid(code)) {
            error(g.ref(r, c), "应为 3 位（类）、5 位（款）或 7 位（项）数字的科目编码", code);
        }
        return code;
    }

    private String name(Grid g, int r, int c) {
        String name = clean(g.cell(r, c));
        if (name.isEmpty()) {
            error(g.ref(r, c), "科目名称不得为空", null);
        } else if (name.length() > 200) {
            error(g.ref(r, c), "科目名称最多 200 个字符", null);
        }
        return name;
    }

    private BigDecimal amount(Grid g, int r, int c, boolean required) {
        String text = g.cell(r, c).replace(",", "");
        if (text.isEmpty()) {
            if (required) {
                error(g.ref(r, c), "不得为空：应为金额，如 1827.5（没有时填 0）", null);
            }
            return null;
        }
        BigDecimal v;
        try {
            if (!ASCII_DECIMAL.matcher(text).matches()) {
                // BigDecimal would read full-width and other digits (１８２７.５) as the same number
                throw new NumberFormatException();
            }
            v = new BigDecimal(text);
        } catch (NumberFormatException e) {
            error(g.ref(r, c), "应为金额（半角数字，最多两位小数），如 1827.5", text);
            return null;
        }
        if (v.signum() < 0) {
            error(g.ref(r, c), "金额不得为负数", text);
        } else if (v.scale() > 2 && v.stripTrailingZeros().scale() > 2) {
            error(g.ref(r, c), "金额最多两位小数", text);
        } else if (v.precision() - v.scale() > 13) {
            error(g.ref(r, c), "金额的整数部分最多 13 位", text);
        }
        return v;
    }

    /** Codes unique; a 款 or 项 needs its parent in the table. Reported at the code cell. */
    private void hierarchy(Grid g, List<String> codes, List<Integer> sheetRows, int col) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (FunctionCode.isValid(codes.get(i)) && !seen.add(codes.get(i))) {
                error(g.ref(sheetRows.get(i), col), "科目编码重复：每个编码只能出现一次", codes.get(i));
            }
        }
        for (int i = 0; i < codes.size(); i++) {
            if (!FunctionCode.isValid(codes.get(i))) {
                continue;
            }
            String parent = new FunctionCode(codes.get(i)).parent().map(FunctionCode::value).orElse(null);
            if (parent != null && !seen.contains(parent)) {
                error(g.ref(sheetRows.get(i), col), "上级科目 " + parent + " 不在表中：款、项科目的上级须在同一张表中", codes.get(i));
            }
        }
        if (codes.isEmpty()) {
            error(g.name() + "!A1", "表中没有数据行", null);
        }
    }

    /** 单位：元 or 单位：万元 in a cell above the header; 万元 when absent. */
    private static AmountUnit amountUnit(Grid g, int header) {
        for (int r = 0; r < header; r++) {
            for (String c : g.rows().get(r)) {
                String t = c == null ? "" : c.replace(" ", "").replace(":", "：");
                if (t.contains("单位：元")) {
                    return AmountUnit.YUAN;
                }
            }
        }
        return AmountUnit.WAN_YUAN;
    }

    private static boolean isSubItem(String raw) {
        String t = raw.replace('\u00a0', ' ');
        return t.stripLeading().startsWith("其中") || (t.length() > 0 && Character.isWhitespace(t.charAt(0)))
                || t.startsWith("\u3000");
    }

    /** Without indentation, 其中：, or list numbering such as 一、 or （一）. */
    static String clean(String s) {
        String t = s == null ? "" : s.replace('\u00a0', ' ').replace('\u3000', ' ').strip();
        t = t.replaceFirst("^其中[：:]", "").strip();
        t = t.replaceFirst("^[一二三四五六七八九十]+、", "").replaceFirst("^（[一二三四五六七八九十]+）", "").strip();
        return t;
    }

    private void error(String cell, String message, String rejected) {
        errors.add(new FieldError(cell, message, rejected));
    }

    private void throwIfErrors() {
        if (!errors.isEmpty()) {
            StringBuilder detail = new StringBuilder("文件中有 " + errors.size() + " 处有误，未导入任何数据：");
            for (int i = 0; i < Math.min(errors.size(), 5); i++) {
                detail.append(i == 0 ? "" : "；").append(errors.get(i).field()).append(" ").append(errors.get(i).message());
            }
            throw ApiException.invalid(detail.append(errors.size() > 5 ? "；……" : "").toString(), errors);
        }
    }

    private static ApiException tooLarge(String detail) {
        return new ApiException(ProblemType.TOO_LARGE, detail, List.of(new FieldError("file", detail, null)));
    }
}
