package cn.perfeval.budget.service;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail.FieldError;
import cn.perfeval.platform.problem.ProblemType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV of a bulk import (issue #18): a header row, then one row per row of a unit-year's 支出总表 (支出总表 rows
 * of one unit-year adjacent), turned into the NDJSON line shape ({@code BulkUnitYear}) so that one code path
 * validates and stores both. Columns (any order):
 * {@code unitCode,year,unitName,county,province,kind,amountUnit,code,name,total,basic,project,basicActual,projectActual}.
 * The unit's master data and the amount unit come from the first row of its unit-year. {@code basicActual} and
 * {@code projectActual} (both empty or both given) are the actual spending of the row's function code: they make
 * the execution table's {@code byFunction} rows, and their sums over the 类 rows (three-digit codes) the
 * unit-year's actual spending.
 */
public final class BulkCsv {

    public static final List<String> COLUMNS = List.of("unitCode", "year", "unitName", "county", "province", "kind",
            "amountUnit", "code", "name", "total", "basic", "project", "basicActual", "projectActual");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BulkCsv() {
    }

    public static List<ImportJobs.Item> read(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("CSV 不是 UTF-8 编码的文本；请另存为 UTF-8 编码后再提交");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<ImportJobs.Item> items = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw malformed("CSV 的表头缺少列 " + String.join("、", missing) + "；表头应为 " + String.join(",", COLUMNS));
            }
            List<String> unknown = header.keySet().stream().filter(c -> !COLUMNS.contains(c)).toList();
            if (!unknown.isEmpty()) {
                throw malformed("CSV 的表头有未知的列 " + String.join("、", unknown) + "；表头应为 " + String.join(",", COLUMNS));
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                Map<String, String> values = new java.util.HashMap<>();
                for (String column : COLUMNS) {
                    values.put(column, r.isSet(column) ? r.get(column) : null);
                }
                rows.add(new Row((int) r.getRecordNumber(), values));
            }
            items.addAll(group(rows));
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw malformed("不是有效的 CSV：带引号的单元格缺少结束的引号，或引号内外的写法不对；单元格中的引号应写成两个双引号");
        }
        return items;
    }

    private static ApiException malformed(String msg) {
        return new ApiException(ProblemType.MALFORMED_CSV, msg, List.of(new FieldError("body", msg, null)));
    }

    /**
     * The unit-years of a multi-unit workbook (issue #18): the sheet 批量导入 (or the workbook's only sheet) laid out
     * as the CSV is, its first row the header, each further row a row of a unit-year's 支出总表 with the unit in its
     * own columns; the same grouping and checks as the CSV.
     */
    public static List<ImportJobs.Item> readXlsx(byte[] bytes) {
        List<List<String>> sheet = TableImport.bulkSheet(bytes, SHEET, MAX_WORKBOOK_ROWS);
        List<String> header = sheet.isEmpty() ? List.of() : sheet.get(0).stream().map(String::strip).toList();
        List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw malformedWorkbook("工作表的第一行（表头）缺少列 " + String.join("、", missing) + "；表头应为 " + String.join(",", COLUMNS));
        }
        List<String> unknown = header.stream().filter(c -> !c.isEmpty() && !COLUMNS.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw malformedWorkbook("工作表的表头有未知的列 " + String.join("、", unknown) + "；表头应为 " + String.join(",", COLUMNS));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < sheet.size(); i++) {
            List<String> cells = sheet.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<String, String> values = new java.util.HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (!header.get(c).isEmpty()) {
                    values.put(header.get(c), c < cells.size() ? cells.get(c) : null);
                }
            }
            // the row's number as the spreadsheet shows it, so that an error points at it (the header is row 1)
            rows.add(new Row(i, values));
        }
        return group(rows);
    }

    /** The sheet a multi-unit workbook's unit-years are read from (any name when the workbook has one sheet). */
    public static final String SHEET = "批量导入";
    /** Rows read from a multi-unit workbook's sheet. */
    public static final int MAX_WORKBOOK_ROWS = 100_000;

    /** One data row: its number among the data rows, from 1 (its line in the file is one more: the header is line 1), and its cells by column. */
    private record Row(int number, Map<String, String> values) {
    }

    /** Adjacent rows of one unit-year become one item, in the NDJSON line shape. */
    private static List<ImportJobs.Item> group(List<Row> rows) {
        List<ImportJobs.Item> items = new ArrayList<>();
        Group group = null;
        for (Row r : rows) {
            int line = r.number() + 1;
            String key = value(r, "unitCode") + "\u0000" + value(r, "year");
            if (group == null || !group.key.equals(key)) {
                if (group != null) {
                    items.add(group.item());
                }
                group = new Group(key, line, r);
            }
            group.add(r);
        }
        if (group != null) {
            items.add(group.item());
        }
        return items;
    }

    private static ApiException malformedWorkbook(String msg) {
        return new ApiException(ProblemType.MALFORMED_WORKBOOK, msg, List.of(new FieldError("file", msg, null)));
    }

    private static String value(Row r, String column) {
        String v = r.values().get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The rows of one unit-year, as they become its JSON. */
    private static final class Group {
        final String key;
        final int line;
        final ObjectNode root = JSON.createObjectNode();
        final ArrayNode rows;
        final ArrayNode byFunction = JSON.createArrayNode();
        final List<FieldError> errors = new ArrayList<>();
        BigDecimal basicActual = BigDecimal.ZERO;
        BigDecimal projectActual = BigDecimal.ZERO;
        String amountUnit;
        int index;

        Group(String key, int line, Row first) {
            this.key = key;
            this.line = line;
            root.put("unitCode", value(first, "unitCode"));
            String year = value(first, "year");
            if (year != null && year.matches("[0-9]{1,4}")) {
                root.put("year", Integer.parseInt(year));
            } else {
                errors.add(new FieldError("year", "应为年度（2000–2100 的整数）", year));
            }
            ObjectNode unit = root.putObject("unit");
            unit.put("name", value(first, "unitName"));
            unit.put("county", value(first, "county"));
            unit.put("province", value(first, "province"));
            unit.put("kind", value(first, "kind"));
            amountUnit = value(first, "amountUnit");
            ObjectNode expenditure = root.putObject("expenditure");
            expenditure.put("amountUnit", amountUnit);
            rows = expenditure.putArray("rows");
        }

        void add(Row r) {
            int i = index++;
            if (!Objects.equals(value(r, "amountUnit"), amountUnit)) {
                errors.add(new FieldError("expenditure.rows[" + i + "].amountUnit",
                        "同一单位年度的金额单位须一致（第 " + r.number() + " 行数据）", value(r, "amountUnit")));
            }
            ObjectNode row = rows.addObject();
            String code = value(r, "code");
            row.put("code", code);
            row.put("name", value(r, "name"));
            row.set("total", number(r, "total", "expenditure.rows[" + i + "].total"));
            row.set("basic", number(r, "basic", "expenditure.rows[" + i + "].basic"));
            row.set("project", number(r, "project", "expenditure.rows[" + i + "].project"));
            String basic = value(r, "basicActual");
            String project = value(r, "projectActual");
            if (basic != null || project != null) {
                int j = byFunction.size();
                ObjectNode f = byFunction.addObject();
                f.put("code", code);
                f.put("name", value(r, "name"));
                f.set("basicActual", number(r, "basicActual", "execution.byFunction[" + j + "].basicActual"));
                f.set("projectActual", number(r, "projectActual", "execution.byFunction[" + j + "].projectActual"));
                if (code != null && code.length() == 3 && f.get("basicActual").isNumber() && f.get("projectActual").isNumber()) {
                    basicActual = basicActual.add(f.get("basicActual").decimalValue());
                    projectActual = projectActual.add(f.get("projectActual").decimalValue());
                }
            }
        }

        private com.fasterxml.jackson.databind.JsonNode number(Row r, String column, String field) {
            String v = value(r, column);
            if (v == null) {
                return JSON.nullNode();
            }
            try {
                return JSON.getNodeFactory().numberNode(new BigDecimal(v));
            } catch (NumberFormatException e) {
                errors.add(new FieldError(field, "无法读取 \"" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"：应为数字", null));
                return JSON.nullNode();
            }
        }

        ImportJobs.Item item() {
            if (!byFunction.isEmpty()) {
                ObjectNode execution = root.putObject("execution");
                execution.put("amountUnit", amountUnit);
                execution.put("basicActual", basicActual);
                execution.put("projectActual", projectActual);
                execution.set("byFunction", byFunction);
            }
            return new ImportJobs.Item(line, root.toString(), errors.isEmpty() ? null : List.copyOf(errors));
        }
    }
}
