package cn.perfeval.budget.api;

import cn.perfeval.budget.Golden;
import cn.perfeval.budget.TestAuth;
import cn.perfeval.testsupport.DevTokens;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import cn.perfeval.testsupport.HostileCorpus;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of hostile requests against every write and read of budget-service, with a valid admin
 * token (and a few with hostile tokens). Every one must be refused with a 4xx problem+json, never a
 * 5xx, and afterwards the seeded unit-year must read exactly as before, through the API and in
 * the database. Text that merely looks like HTML or SQL is data: it is stored and read back verbatim.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class HostileInputTest {

    @Inject
    AgroalDataSource dataSource;

    /** The expected answers of the cases built below, by name (the corpus file carries its own). */
    private static final Map<String, HostileCorpus.Expected> EXPECTED = HostileCorpus.expectations("hostile/budget-coded.tsv");

    private final List<HostileCorpus.Case> corpus = new ArrayList<>();
    private String code;
    private String unit;
    private String year;

    private void add(String label, Supplier<Response> send) {
        corpus.add(HostileCorpus.coded(label, send, EXPECTED));
    }

    private void put(String label, String path, String json) {
        add(label, () -> given().contentType("application/json").body(json.getBytes(StandardCharsets.UTF_8)).put(path));
    }

    private void post(String label, String path, String contentType, byte[] body) {
        add(label, () -> given().contentType(contentType).body(body).post(path));
    }

    /** A GET of a URL written already encoded (rest-assured would encode its % again). */
    private void get(String label, String path) {
        add(label, () -> given().urlEncodingEnabled(false).get(path));
    }

    // ------------------------------------------------------------------ the corpus

    private void oversized() {
        String pad = "x".repeat(5 * 1024 * 1024);
        put("5 MB expenditure", year + "/budget/expenditure", "{\"amountUnit\":\"万元\",\"rows\":[],\"pad\":\"" + pad + "\"}");
        put("5 MB unit", unit, "{\"name\":\"" + pad + "\"}");
        put("5 MB execution", year + "/budget/execution", "{\"amountUnit\":\"万元\",\"note\":\"" + pad + "\"}");
        post("5 MB xlsx", year + "/budget/import", TableImportMedia.XLSX, pad.getBytes(StandardCharsets.UTF_8));
        post("5 MB csv", year + "/budget/import?table=expenditure", TableImportMedia.CSV, pad.getBytes(StandardCharsets.UTF_8));
        put("2001 rows", year + "/budget/expenditure", rows(2001));
        put("101 offices", unit, Golden.unit().replaceFirst("\"offices\":\\[", Matcher.quoteReplacement("\"offices\":[" + "\"办\",".repeat(101))));
        put("name of 201 characters", unit, Golden.unit().replaceFirst("\"name\":\"[^\"]*\"", Matcher.quoteReplacement("\"name\":\"" + "名".repeat(201) + "\"")));
    }

    private static String rows(int n) {
        StringBuilder many = new StringBuilder("{\"amountUnit\":\"万元\",\"rows\":[");
        for (int i = 0; i < n; i++) {
            many.append(i == 0 ? "" : ",").append("{\"code\":\"").append(100 + i % 900)
                    .append("\",\"name\":\"x\",\"total\":1,\"basic\":1,\"project\":0}");
        }
        return many.append("]}").toString();
    }

    private void deeplyNested() {
        put("rows nested 100 arrays deep", year + "/budget/expenditure", "{\"amountUnit\":\"万元\",\"rows\":" + "[".repeat(100) + "]".repeat(100) + "}");
        put("rows nested 100000 arrays deep", year + "/budget/expenditure", "{\"amountUnit\":\"万元\",\"rows\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        put("objects nested 5000 deep", year + "/budget/staff", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
        StringBuilder children = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            children.append("{\"item\":\"项").append(i).append("\",\"amount\":1,\"children\":[");
        }
        children.append("]}".repeat(80));
        put("revenue children 80 deep", year + "/budget/budget-summary",
                "{\"amountUnit\":\"万元\",\"revenue\":[" + children + "],\"expenditure\":[]}");
        put("unclosed nesting", year + "/budget/revenue", "[".repeat(10_000));
    }

    private void unknownFields() {
        put("unknown field in staff", year + "/budget/staff", "{\"authorizedPosts\":1,\"isAdmin\":true}");
        put("__proto__ in expenditure", year + "/budget/expenditure", Golden.expenditure().replaceFirst("\\{", Matcher.quoteReplacement("{\"__proto__\":{\"admin\":true},")));
        put("unknown field in a row", year + "/budget/revenue", Golden.revenue().replaceFirst("\"code\":", Matcher.quoteReplacement("\"sql\":\"1\",\"code\":")));
        put("unknown field in unit", unit, Golden.unit().replaceFirst("\\{", Matcher.quoteReplacement("{\"code\":\"OTHER\",")));
        put("unknown field in execution", year + "/budget/execution", Golden.execution().replaceFirst("\\{", Matcher.quoteReplacement("{\"version\":99,")));
        put("unknown field in adjustments", year + "/budget/adjustments", Examples.ADJUSTMENTS.replaceFirst("\\{", Matcher.quoteReplacement("{\"id\":1,")));
        put("duplicate key", year + "/budget/staff", "{\"authorizedPosts\":1,\"authorizedPosts\":2}");
    }

    private void amounts() {
        String exp = Golden.expenditure();
        String target = "\"total\":1363.4";
        for (String bad : List.of("1363.401", "1e400", "1e-400", "-0.01", "99999999999999.99", "NaN", "Infinity", "-Infinity",
                "\"NaN\"", "\"Infinity\"", "\"1,363.4\"", "\"\"", "true", "{}", "[]", "null", "0x10", "01363.4",
                "\"１３６３\"", "1" + "0".repeat(1200), "1363.4e99999999")) {
            put("expenditure total " + bad.substring(0, Math.min(bad.length(), 20)), year + "/budget/expenditure", exp.replace(target, "\"total\":" + bad));
        }
        String rev = Golden.revenue();
        put("revenue 3 decimals", year + "/budget/revenue", rev.replace("\"total\":1399", "\"total\":1399.001"));
        put("revenue negative", year + "/budget/revenue", rev.replace("\"total\":1399", "\"total\":-1399"));
        put("summary total huge", year + "/budget/budget-summary", Golden.budgetSummary().replace("\"revenueTotal\":4988.65", "\"revenueTotal\":1e30"));
        put("summary total string", year + "/budget/budget-summary", Golden.budgetSummary().replace("\"revenueTotal\":4988.65", "\"revenueTotal\":\"lots\""));
        for (String bad : List.of("-1", "1e300", "\"many\"", "NaN", "1.5", "2147483648", "-2147483649")) {
            put("staff " + bad, year + "/budget/staff", "{\"authorizedPosts\":" + bad + "}");
        }
        for (String bad : List.of("-860", "860.001", "\"860元\"", "1e14", "NaN")) {
            put("execution " + bad, year + "/budget/execution", "{\"amountUnit\":\"万元\",\"projectActual\":" + bad + "}");
        }
        put("execution percentage over 5 digits", year + "/budget/execution", "{\"amountUnit\":\"万元\",\"paymentProgressActual\":123456}");
        put("adjustment negative", year + "/budget/adjustments", Examples.ADJUSTMENTS.replace("\"amount\": 300", "\"amount\": -300"));
        put("adjustment amount NaN", year + "/budget/adjustments", Examples.ADJUSTMENTS.replace("\"amount\": 300", "\"amount\": NaN"));
        put("amount unit 美元", year + "/budget/expenditure", exp.replace("\"amountUnit\":\"万元\"", "\"amountUnit\":\"美元\""));
        put("amount unit <script>", year + "/budget/expenditure", exp.replace("\"amountUnit\":\"万元\"", "\"amountUnit\":\"<script>alert(1)</script>\""));
    }

    private void badCodes() {
        String exp = Golden.expenditure();
        for (String bad : List.of("2010", "20101a", "201 ", "２０１", "' OR '1'='1", "201;DROP TABLE unit;--", "", "2010301999")) {
            put("row code " + bad, year + "/budget/expenditure", exp.replace("\"code\":\"20103\"", "\"code\":\"" + bad + "\""));
        }
        put("summary code 2130", year + "/budget/budget-summary", Golden.budgetSummary().replace("\"code\":\"213\"", "\"code\":\"2130\""));
        put("adjustment code x", year + "/budget/adjustments", Examples.ADJUSTMENTS.replaceFirst("\"code\": \"[0-9]+\"", Matcher.quoteReplacement("\"code\": \"x\"")));
        put("unit kind <b>", unit, Golden.unit().replace("\"行政\"", "\"<b>行政</b>\""));
        String y = "/years/2024/budget/staff";
        for (String bad : List.of("lowercase1", "A".repeat(33), "%27%20OR%201%3D1--", "%3Cscript%3E", "%00", "%EF%BC%91%EF%BC%92%EF%BC%93", "A%0AB")) {
            add("path code " + bad.substring(0, Math.min(bad.length(), 20)), () -> given().urlEncodingEnabled(false)
                    .contentType("application/json").body(Golden.staff()).put("/api/v1/units/" + bad + y));
        }
        get("path code with ..", "/api/v1/units/" + code + "%2F..%2F..%2Fq%2Fhealth/years/2024/budget");
        get("audit unit ' OR 1=1", "/api/v1/audit?unitCode=%27%20OR%201%3D1--");
        get("audit actor with NUL", "/api/v1/audit?actor=%00admin");
        get("list county with NUL", "/api/v1/units?county=%00");
        get("list county with RLO", "/api/v1/units?county=%E2%80%AE%E5%8E%BF");
        get("list year SQL", "/api/v1/units?year=2024%3BDROP%20TABLE%20unit");
        get("list page -1", "/api/v1/units?page=-1");
        get("list size 100000", "/api/v1/units?size=100000");
        add("If-Match SQL", () -> given().contentType("application/json").header("If-Match", "\"1; DROP TABLE unit\"")
                .body(Golden.staff()).put(year + "/budget/staff"));
        add("If-Match stale", () -> given().contentType("application/json").header("If-Match", "\"1\"")
                .body(Golden.staff()).put(year + "/budget/staff"));
        post("csv table SQL", year + "/budget/import?table=expenditure'--", TableImportMedia.CSV,
                AccessMatrixTest.csvExpenditure().getBytes(StandardCharsets.UTF_8));
        post("csv without table", year + "/budget/import", TableImportMedia.CSV, AccessMatrixTest.csvExpenditure().getBytes(StandardCharsets.UTF_8));
    }

    private void controlCharacters() {
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("NUL", "\\u0000");
        hostile.put("BEL", "\\u0007");
        hostile.put("ANSI escape", "\\u001b[31m");
        hostile.put("DEL", "\\u007f");
        hostile.put("C1 NEL", "\\u0085");
        hostile.put("RLO", "\\u202e");
        hostile.put("LRI", "\\u2066");
        hostile.put("lone surrogate", "\\ud800");
        hostile.forEach((name, ch) -> put("unit name with " + name, unit,
                Golden.unit().replaceFirst("\"name\":\"", Matcher.quoteReplacement("\"name\":\"中路" + ch))));
        put("county with NUL", unit, Golden.unit().replaceFirst("\"county\":\"", Matcher.quoteReplacement("\"county\":\"\\u0000")));
        put("office with RLO", unit, Golden.unit().replaceFirst("\"offices\":\\[\"", Matcher.quoteReplacement("\"offices\":[\"\\u202e")));
        put("expenditure row name with NUL", year + "/budget/expenditure", Golden.expenditure().replaceFirst("\"name\":\"", Matcher.quoteReplacement("\"name\":\"\\u0000")));
        put("revenue row name with ESC", year + "/budget/revenue", Golden.revenue().replaceFirst("\"name\":\"", Matcher.quoteReplacement("\"name\":\"\\u001b")));
        put("summary item with RLO", year + "/budget/budget-summary", Golden.budgetSummary().replaceFirst("\"item\":\"", Matcher.quoteReplacement("\"item\":\"\\u202e")));
        put("adjustment reason with NUL", year + "/budget/adjustments", Examples.ADJUSTMENTS.replaceFirst("\"reason\": \"", Matcher.quoteReplacement("\"reason\": \"\\u0000")));
        put("execution row name with C1", year + "/budget/execution",
                "{\"amountUnit\":\"万元\",\"byFunction\":[{\"code\":\"201\",\"name\":\"\\u009b\",\"basicActual\":1,\"projectActual\":0}]}");
        post("invalid UTF-8", year + "/budget/staff".replace("/budget/staff", "/budget/import?table=expenditure"), TableImportMedia.CSV,
                new byte[]{'2', '0', '1', ',', (byte) 0xC3, (byte) 0x28, '\n'});
        add("invalid UTF-8 JSON", () -> given().contentType("application/json")
                .body(new byte[]{'{', '"', 'a', 'u', 't', 'h', 'o', 'r', 'i', 'z', 'e', 'd', 'P', 'o', 's', 't', 's', '"', ':', (byte) 0xC3, (byte) 0x28, '}'})
                .put(year + "/budget/staff"));
    }

    private void formulas() {
        for (String f : List.of("=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", " =HYPERLINK(\\\"http://evil\\\")")) {
            put("unit name " + f, unit, Golden.unit().replaceFirst("\"name\":\"[^\"]*\"", Matcher.quoteReplacement("\"name\":\"" + f + "\"")));
        }
        put("row name =cmd", year + "/budget/expenditure", Golden.expenditure().replaceFirst("\"name\":\"[^\"]*\"", Matcher.quoteReplacement("\"name\":\"=cmd|' /C calc'!A0\"")));
        put("adjustment reason @SUM", year + "/budget/adjustments", Examples.ADJUSTMENTS.replaceFirst("\"reason\": \"[^\"]*\"", Matcher.quoteReplacement("\"reason\": \"@SUM(A1)\"")));
        String csv = AccessMatrixTest.csvExpenditure().replace("行政运行", "=cmd|' /C calc'!A0");
        post("csv cell =cmd", year + "/budget/import?table=expenditure", TableImportMedia.CSV, csv.getBytes(StandardCharsets.UTF_8));
        post("xlsx cell =cmd", year + "/budget/import", TableImportMedia.XLSX, workbookWithRowName("=cmd|' /C calc'!A0"));
        post("xlsx cell with RLO", year + "/budget/import", TableImportMedia.XLSX, workbookWithRowName("行政\u202e运行"));
    }

    private void workbooks() {
        byte[] golden = ImportTest.bytes(ImportTest.goldenWorkbook());
        post("zip bomb", year + "/budget/import", TableImportMedia.XLSX, withEntry(golden, "xl/media/padding.bin", new byte[60 * 1024 * 1024]));
        post("zip bomb sheet", year + "/budget/import", TableImportMedia.XLSX, replaceEntry(golden, "xl/worksheets/sheet3.xml", 80));
        post("huge sheet 5000 rows", year + "/budget/import", TableImportMedia.XLSX, hugeSheet(5000, 5));
        post("wide sheet 40 columns", year + "/budget/import", TableImportMedia.XLSX, hugeSheet(10, 40));
        post("truncated xlsx", year + "/budget/import", TableImportMedia.XLSX, Arrays.copyOf(golden, golden.length / 2));
        post("random bytes xlsx", year + "/budget/import", TableImportMedia.XLSX, "not a workbook at all".getBytes(StandardCharsets.UTF_8));
        post("empty xlsx", year + "/budget/import", TableImportMedia.XLSX, new byte[0]);
        post("zip without workbook", year + "/budget/import", TableImportMedia.XLSX, zipOf("hello.txt", "hello".getBytes(StandardCharsets.UTF_8)));
        post("PDF as xlsx", year + "/budget/import", TableImportMedia.XLSX, "%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.UTF_8));
        post("workbook without known sheets", year + "/budget/import", TableImportMedia.XLSX, hugeSheet(3, 3, "Sheet1"));
        post("xlsx with external entity", year + "/budget/import", TableImportMedia.XLSX, replaceEntry(golden, "xl/workbook.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><workbook>&e;</workbook>"
                        .getBytes(StandardCharsets.UTF_8)));
        post("csv with 3000 rows", year + "/budget/import?table=expenditure", TableImportMedia.CSV, "201,x,1,1,0\n".repeat(3000).getBytes(StandardCharsets.UTF_8));
        post("csv unterminated quote", year + "/budget/import?table=expenditure", TableImportMedia.CSV, "\"unterminated,\n1".getBytes(StandardCharsets.UTF_8));
    }

    private void contentTypes() {
        add("expenditure as text/plain", () -> given().contentType("text/plain").body(Golden.expenditure()).put(year + "/budget/expenditure"));
        add("expenditure as XML", () -> given().contentType("application/xml").body("<rows/>").put(year + "/budget/expenditure"));
        add("staff as form", () -> given().contentType("application/x-www-form-urlencoded").body("authorizedPosts=1").put(year + "/budget/staff"));
        add("staff as multipart", () -> given().contentType("multipart/form-data; boundary=x").body("--x--".getBytes(StandardCharsets.UTF_8)).put(year + "/budget/staff"));
        add("unit as text/html", () -> given().contentType("text/html").body("<h1>unit</h1>").put(unit));
        add("import as JSON", () -> given().contentType("application/json").body(Golden.expenditure()).post(year + "/budget/import"));
        add("import as PNG", () -> given().contentType("image/png").body(new byte[]{(byte) 0x89, 'P', 'N', 'G'}).post(year + "/budget/import"));
        add("staff without body", () -> given().contentType("application/json").put(year + "/budget/staff"));
        put("JSON null", year + "/budget/staff", "null");
        put("JSON array", year + "/budget/staff", "[]");
        put("JSON string", year + "/budget/expenditure", "\"rows\"");
        put("truncated JSON", year + "/budget/expenditure", "{\"amountUnit\":\"万元\",\"rows\":[");
        put("trailing garbage", year + "/budget/staff", "{\"authorizedPosts\":1} {\"authorizedPosts\":2}");
        put("single quotes", year + "/budget/staff", "{'authorizedPosts':1}");
        put("comments", year + "/budget/staff", "{/* admin */\"authorizedPosts\":1}");
    }

    private void badYears() {
        for (String y : List.of("1999", "2101", "0", "-1", "abc", "99999999999", "2024.5", "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%94", "2024%00")) {
            get("GET year " + y, unit + "/years/" + y + "/budget");
            add("PUT year " + y, () -> given().urlEncodingEnabled(false).contentType("application/json").body(Golden.staff())
                    .put(unit + "/years/" + y + "/budget/staff"));
        }
        put("adjustment date in 2019", year + "/budget/adjustments", Examples.ADJUSTMENTS.replace("2024-06-30", "2019-06-30"));
        put("adjustment date 2024-13-30", year + "/budget/adjustments", Examples.ADJUSTMENTS.replace("2024-06-30", "2024-13-30"));
        get("audit year 1999", "/api/v1/audit?year=1999");
        get("list year abc", "/api/v1/units?year=abc");
    }

    private void hostileTokens() {
        DevTokens tokens = TestAuth.tokens();
        String[] parts = tokens.admin().split("\\.");
        Map<String, RequestSpecification> specs = new LinkedHashMap<>();
        specs.put("no token", TestAuth.anonymous());
        specs.put("alg none", TestAuth.as(java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "."));
        specs.put("expired", TestAuth.as(tokens.token("admin", "admin", null, null, DevTokens.ISSUER, Duration.ofHours(-1))));
        specs.put("other key", TestAuth.as(DevTokens.generate().admin()));
        specs.put("SQL in bearer", TestAuth.anonymous().header("Authorization", "Bearer ' OR 1=1--"));
        specs.put("viewer", TestAuth.as(tokens.viewer()));
        specs.forEach((name, spec) -> add("token " + name + " with malformed body",
                () -> spec.contentType("application/json").body("{\"rows\": [").put(year + "/budget/expenditure")));
        add("finance of another unit writing", () -> TestAuth.as(tokens.finance("OTHER1")).contentType("application/json")
                .body(Golden.staff()).put(year + "/budget/staff"));
        add("evaluator writing", () -> TestAuth.as(tokens.evaluator("湘潭县")).contentType("application/json")
                .body(Golden.staff()).put(year + "/budget/staff"));
    }

    // ------------------------------------------------------------------ workbook makers

    private static byte[] workbookWithRowName(String name) {
        XSSFWorkbook wb = ImportTest.goldenWorkbook();
        XSSFSheet exp = wb.getSheet("支出总表");
        exp.getRow(3).getCell(1).setCellValue(name);
        return ImportTest.bytes(wb);
    }

    private static byte[] hugeSheet(int rows, int cols) {
        return hugeSheet(rows, cols, "支出总表");
    }

    private static byte[] hugeSheet(int rows, int cols, String name) {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet s = wb.createSheet(name);
        for (int r = 0; r < rows; r++) {
            XSSFRow row = s.createRow(r);
            for (int c = 0; c < cols; c++) {
                row.createCell(c).setCellValue(c == 0 ? "201" : "1");
            }
        }
        return ImportTest.bytes(wb);
    }

    private static byte[] zipOf(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The workbook with one more entry. */
    private static byte[] withEntry(byte[] xlsx, String name, byte[] content) {
        return rewrite(xlsx, name, content, true);
    }

    /** The workbook with one entry replaced by a highly compressible one of {@code megabytes}. */
    private static byte[] replaceEntry(byte[] xlsx, String name, int megabytes) {
        byte[] body = ("<worksheet>" + " ".repeat(megabytes * 1024 * 1024) + "</worksheet>").getBytes(StandardCharsets.UTF_8);
        return rewrite(xlsx, name, body, false);
    }

    private static byte[] replaceEntry(byte[] xlsx, String name, byte[] content) {
        return rewrite(xlsx, name, content, false);
    }

    private static byte[] rewrite(byte[] xlsx, String name, byte[] content, boolean add) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(!add && e.getName().equals(name) ? content : in.readAllBytes());
                zip.closeEntry();
            }
            if (add) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ what must not change

    private String apiState() {
        StringBuilder s = new StringBuilder(given().get(unit).then().statusCode(200).extract().asString());
        s.append(given().get(year + "/budget").then().statusCode(200).extract().header("ETag"));
        s.append(given().get(year + "/budget").asString());
        for (String part : List.of("expenditure", "revenue", "budget-summary", "execution", "staff", "adjustments", "findings", "measures")) {
            s.append(given().get(year + (part.equals("findings") ? "/" : "/budget/") + part).then().statusCode(200).extract().asString());
        }
        s.append(given().get(year + "/targets").then().statusCode(200).extract().asString());
        s.append(given().get(year + "/monthly-execution").then().statusCode(200).extract().asString());
        s.append(given().queryParam("unitCode", code).get("/api/v1/audit").jsonPath().getString("total"));
        return s.toString();
    }

    /** Row counts and a hash of every row of the unit and its unit-year, straight from the database. */
    private String databaseState() throws SQLException {
        String sql = """
                SELECT (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM unit t WHERE code = ?1)
                    || (SELECT count(*) || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM unit_office t WHERE unit_code = ?1)
                    || (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM unit_year t WHERE unit_code = ?1)
                    || (SELECT count(*) || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM %1$s t JOIN unit_year y ON y.id = t.unit_year_id WHERE y.unit_code = ?1)
                    || (SELECT count(*) FROM outbox_event WHERE record_key = ?1 || ':2024')
                    || (SELECT count(*) FROM audit_entry WHERE unit_code = ?1)
                """.replace("?1", "?");
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("expenditure_row", "revenue_row", "summary_item", "adjustment", "execution_row",
                    "three_public_item", "finding", "target", "target_progress", "month_execution")) {
                try (PreparedStatement st = c.prepareStatement(sql.formatted(table))) {
                    for (int i = 1; i <= 6; i++) {
                        st.setString(i, code);
                    }
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        out.append(table).append('=').append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    @Test
    void hostileRequestsAreRefusedWith4xxProblemsAndChangeNothing() throws SQLException {
        code = Golden.newCode();
        Golden.load(code);
        Golden.loadTargets(code);
        given().contentType("application/json").body(Examples.ADJUSTMENTS).put("/api/v1/units/" + code + "/years/2024/budget/adjustments")
                .then().statusCode(200);
        unit = "/api/v1/units/" + code;
        year = unit + "/years/2024";
        String apiBefore = apiState();
        String dbBefore = databaseState();

        oversized();
        deeplyNested();
        unknownFields();
        amounts();
        badCodes();
        controlCharacters();
        formulas();
        workbooks();
        contentTypes();
        badYears();
        hostileTokens();

        int coded = corpus.size();
        DevTokens tokens = TestAuth.tokens();
        Map<String, String> tokenNames = Map.of("admin", tokens.admin(), "viewer", tokens.viewer(),
                "finance-other", tokens.finance("OTHER1"), "finance-own", tokens.finance(code),
                "evaluator", tokens.evaluator("湘潭县"), "other-key", DevTokens.generate().admin(),
                "expired", tokens.token("admin", "admin", null, null, DevTokens.ISSUER, Duration.ofHours(-1)),
                "garbage", "raw:Bearer not.a.token");
        corpus.addAll(HostileCorpus.load("hostile/budget.jsonl",
                Map.of("unit", unit, "year", year, "code", code),
                Map.of("expenditure", Golden.expenditure(), "revenue", Golden.revenue(), "summary", Golden.budgetSummary(),
                        "unit", Golden.unit(), "execution", Golden.execution(), "staff", Golden.staff(),
                        "adjustments", Examples.ADJUSTMENTS),
                tokenNames::get));
        HostileCorpus.Outcome outcome = HostileCorpus.run("budget-service", corpus);
        System.out.println("HostileInputTest: budget-service corpus " + outcome.sent() + " requests (" + coded + " built in code, "
                + (outcome.sent() - coded) + " from hostile/budget.jsonl)");
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.sent()).isGreaterThanOrEqualTo(200);
        assertThat(apiState()).isEqualTo(apiBefore);
        assertThat(databaseState()).isEqualTo(dbBefore);
    }

    @Test
    void textThatLooksLikeSqlIsStoredVerbatimAndMarkupInANameIsRefused() {
        String code = Golden.newCode();
        // SQL look-alikes are data: queries are parameterised, so they are stored and returned verbatim
        List<String> names = List.of("Robert'); DROP TABLE expenditure_row;--", "'); DROP TABLE unit;--", "' OR 1=1 --",
                "Robert\"); DELETE FROM unit; --", "中路铺镇 & 党政办", "行政运行（含 % _ 通配）");
        String body = Golden.unit().replaceFirst("\"name\":\"[^\"]*\"", Matcher.quoteReplacement("\"name\":" + Golden.JSON.valueToTree(names.get(0))))
                .replaceFirst("\"address\":\"[^\"]*\"", Matcher.quoteReplacement("\"address\":" + Golden.JSON.valueToTree(names.get(1))));
        given().contentType("application/json").body(body).put("/api/v1/units/" + code).then().statusCode(201);
        Response read = given().get("/api/v1/units/" + code);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.jsonPath().getString("name")).isEqualTo(names.get(0));
        assertThat(read.jsonPath().getString("address")).isEqualTo(names.get(1));
        String rows = rows(names.get(2), names.get(3), names.get(4), names.get(5));
        given().contentType("application/json").body(rows).put("/api/v1/units/" + code + "/years/2024/budget/expenditure").then().statusCode(200);
        assertThat(given().get("/api/v1/units/" + code + "/years/2024/budget/expenditure").jsonPath().getList("rows.name", String.class))
                .containsExactly(names.get(2), names.get(3), names.get(4), names.get(5));
        // a name is one line without markup (the one text policy, TextPolicy): refused with the field, nothing stored
        given().contentType("application/json")
                .body(Golden.unit().replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"<script>alert(1)</script>\""))
                .put("/api/v1/units/" + code).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("name"))
                .body("errors.message", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("不得包含标记字符")));
        given().contentType("application/json").body(rows("<img src=x onerror=alert(1)>", names.get(3), names.get(4), "行政运行\t（含\n换行）"))
                .put("/api/v1/units/" + code + "/years/2024/budget/expenditure").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("rows[0].name", "rows[3].name"));
        assertThat(given().get("/api/v1/units/" + code).jsonPath().getString("name")).isEqualTo(names.get(0));
        assertThat(given().get("/api/v1/units/" + code + "/years/2024/budget/expenditure").jsonPath().getList("rows.name", String.class))
                .containsExactly(names.get(2), names.get(3), names.get(4), names.get(5));
    }

    private static String rows(String a, String b, String c, String d) {
        return Golden.JSON.createObjectNode().put("amountUnit", "万元").set("rows", Golden.JSON.valueToTree(List.of(
                Map.of("code", "201", "name", a, "total", 1, "basic", 1, "project", 0),
                Map.of("code", "20101", "name", b, "total", 1, "basic", 1, "project", 0),
                Map.of("code", "2010101", "name", c, "total", 1, "basic", 1, "project", 0),
                Map.of("code", "20102", "name", d, "total", 0, "basic", 0, "project", 0)))).toString();
    }
}
