package cn.perfeval.report.api;

import cn.perfeval.events.measures.Measures;
import cn.perfeval.events.measures.Terms;
import cn.perfeval.report.support.Documents;
import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The golden report in every format (DOCX, PDF, HTML, Markdown, JSON's human text) and the
 * county summary (DOCX, XLSX, HTML) are Chinese throughout: no measure name of the dictionary, no
 * Java enum constant (severities, kinds of inconsistency, statuses), no English table or column
 * identifier, no system code. Codes a reader uses (BUD-HIER-001, A1) may stay.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class ChineseThroughoutTest {

    /** Identifiers that must never reach a reader, matched as whole ASCII words. */
    static final Set<String> FORBIDDEN = forbidden();

    /**
     * Any other ASCII word a reader would take for English or a program's name: a word with a
     * lower-case letter (camelCase, plain English), an underscore (ENUM_CONSTANT), or five or more
     * capitals (ERROR, GRADE). Short capitals and digits (A1, BUD-HIER-001, APP) are codes.
     */
    static final Pattern ENGLISH = Pattern.compile("(?<![A-Za-z0-9_])([A-Za-z0-9_]*[a-z_][A-Za-z0-9_]*|[A-Z]{5,}[A-Z0-9]*)(?![A-Za-z0-9_])");

    static String unit;
    static String county;

    static Set<String> forbidden() {
        Set<String> f = new LinkedHashSet<>(Measures.names());
        f.addAll(Terms.SEVERITIES.keySet());
        f.addAll(Terms.INCONSISTENCY_KINDS.keySet());
        f.addAll(Terms.TABLES.keySet());
        f.addAll(Terms.COLUMNS.keySet());
        f.addAll(List.of("SCORED", "AWAITING_JUDGEMENT", "MISSING_DATA", "NOT_COMPUTABLE", "FIGURE_MISMATCH",
                "GRADE_MISMATCH", "expenditure", "revenue", "basic", "project", "total", "byFunction", "threePublic",
                "xiangtan-county", "xiangtan", "null", "true", "false"));
        return f;
    }

    @BeforeEach
    void feedTheGoldenCaseOnce() {
        if (unit != null) {
            return;
        }
        String u = GoldenCase.newUnit();
        String c = "汉字县" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000);
        asAdmin().contentType("application/json").body(GoldenCase.NARRATIVE.toString())
                .put("/api/v1/units/" + u + "/years/2024/narrative").then().statusCode(200);
        GoldenCase.send("budget-events", u + ":2024", GoldenCase.budgetEvent(u, 1, c, "湘潭县中路铺镇人民政府"));
        GoldenCase.send("score-events", u + ":2024", GoldenCase.scoreEvent(u, 1, 1, c, "湘潭县中路铺镇人民政府",
                List.of(new BigDecimal("28"), new BigDecimal("19"), new BigDecimal("4"), new BigDecimal("42"))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + u + "/years/2024/report").then().statusCode(200)
                        .body("provenance.scoreVersion", equalTo(1)));
        unit = u;
        county = c;
    }

    @Test
    void theReportInEveryFormatIsChinese() throws Exception {
        String path = "/api/v1/units/" + unit + "/years/2024/report";
        byte[] docx = asAdmin().queryParam("format", "docx").get(path).then().statusCode(200).extract().asByteArray();
        try (XWPFWordExtractor x = new XWPFWordExtractor(Documents.docx(docx))) {
            assertChinese("report DOCX", x.getText());
        }
        assertChinese("report HTML", htmlText(asAdmin().queryParam("format", "html").get(path).then().statusCode(200)
                .extract().asString()));
        assertChinese("report Markdown", entitiesDecoded(asAdmin().queryParam("format", "md").get(path).then()
                .statusCode(200).extract().asString()));
        JsonNode json = GoldenCase.JSON.readTree(asAdmin().queryParam("format", "json").get(path).then().statusCode(200)
                .extract().asString());
        assertChinese("report JSON", humanText(json));
        assumeTrue(Documents.cjkFontInstalled(), "no CJK font installed (apt-get install fonts-wqy-zenhei); CI installs one");
        byte[] pdf = asAdmin().queryParam("format", "pdf").get(path).then().statusCode(200).extract().asByteArray();
        assertChinese("report PDF", Documents.pdfText(pdf));
    }

    @Test
    void theCountySummaryInEveryFormatIsChinese() throws Exception {
        String path = "/api/v1/counties/" + county + "/years/2024/summary";
        byte[] docx = asAdmin().queryParam("format", "docx").get(path).then().statusCode(200).extract().asByteArray();
        try (XWPFWordExtractor x = new XWPFWordExtractor(Documents.docx(docx))) {
            assertChinese("summary DOCX", withoutUnitCode(x.getText()));
        }
        assertChinese("summary HTML", withoutUnitCode(htmlText(asAdmin().queryParam("format", "html").get(path).then()
                .statusCode(200).extract().asString())));
        byte[] xlsx = asAdmin().queryParam("format", "xlsx").get(path).then().statusCode(200).extract().asByteArray();
        StringBuilder cells = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter f = new DataFormatter();
            cells.append(wb.getSheetName(0)).append('\n');
            for (Row r : wb.getSheetAt(0)) {
                for (Cell c : r) {
                    cells.append(f.formatCellValue(c)).append('\t');
                }
                cells.append('\n');
            }
        }
        assertChinese("summary XLSX", withoutUnitCode(cells.toString()));
    }

    /** The test fails on English: it finds the identifiers of today's documents. */
    @Test
    void theCheckFindsEnglishIdentifiers() {
        assertThat(english("“预算调整率”印制的除数 4988 是 yearStartBudget = 4988.65 的取整")).containsExactly("yearStartBudget");
        assertThat(english("EXP-PARENT-SUM ERROR expenditure 20104 total")).contains("ERROR", "expenditure", "total");
        assertThat(english("PRINTED_FIGURE A1 GRADE（xiangtan-county）")).contains("PRINTED_FIGURE", "GRADE", "xiangtan-county");
        assertThat(english("BUD-HIER-001 EXP-PARENT-SUM A1 预算调整率 6.15 % APP 万元 D1")).isEmpty();
        assertThat(english("BUD-HIER-001 basicActual")).containsExactly("basicActual");
    }

    static void assertChinese(String what, String document) {
        assertThat(document).as(what).isNotBlank();
        String text = withoutUnitCode(document);
        List<String> found = english(text);
        assertThat(found).as(() -> what + " contains English identifiers " + found + " in:\n" + context(text, found))
                .isEmpty();
    }

    /** Rule ids such as BUD-HIER-001: capitals and digits joined by hyphens. */
    static final Pattern RULE_ID = Pattern.compile("(?<![A-Za-z0-9_-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?![A-Za-z0-9_-])");

    static List<String> english(String document) {
        Set<String> found = new LinkedHashSet<>();
        String text = RULE_ID.matcher(document).replaceAll(" ");
        for (String word : FORBIDDEN) {
            if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(word) + "(?![A-Za-z0-9_])").matcher(text).find()) {
                found.add(word);
            }
        }
        Matcher m = ENGLISH.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return new ArrayList<>(found);
    }

    private static String context(String text, List<String> words) {
        StringBuilder s = new StringBuilder();
        for (String w : words.subList(0, Math.min(words.size(), 12))) {
            int i = text.indexOf(w);
            if (i >= 0) {
                s.append("  …").append(text.substring(Math.max(0, i - 40), Math.min(text.length(), i + w.length() + 40))
                        .replace('\n', ' ')).append("…\n");
            }
        }
        return s.toString();
    }

    /** The text a reader sees in an HTML page: no style sheet, no tags, entities decoded. */
    static String htmlText(String html) {
        return entitiesDecoded(html.replaceAll("(?s)<style>.*?</style>", " ").replaceAll("(?s)<!DOCTYPE[^>]*>", " ")
                .replaceAll("(?s)<[^>]*>", " "));
    }

    /** "R&amp;D" is read as "R&D" (HTML, and Markdown, which escapes HTML the same way). */
    static String entitiesDecoded(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** The unit code of the test unit ("G3F…") is a code, not a word: left out of the text. */
    private static String withoutUnitCode(String text) {
        return text.replace(unit, "单位编码");
    }

    /**
     * Every text of the report's JSON a person reads: all string values except the few fields
     * kept for machines (the block's {@code kind}, the unit code, the system code, an indicator's {@code status}
     * code, which its {@code statusLabel} gives in Chinese).
     */
    static String humanText(JsonNode json) {
        StringBuilder s = new StringBuilder();
        collect(json, null, s);
        return s.toString();
    }

    private static void collect(JsonNode n, String field, StringBuilder s) {
        if (n.isTextual()) {
            if (!Set.of("kind", "unitCode", "systemCode", "status").contains(field)) {
                s.append(n.asText()).append('\n');
            }
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), e.getKey(), s);
            }
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, field, s));
        }
    }
}
