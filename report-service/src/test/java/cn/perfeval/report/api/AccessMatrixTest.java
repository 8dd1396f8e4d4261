package cn.perfeval.report.api;

import cn.perfeval.report.support.Documents;
import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static cn.perfeval.report.support.Calls.TOKENS;
import static cn.perfeval.report.support.Calls.as;
import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/security.md, row by row: every endpoint of report-service × every kind of caller, with the
 * status class each must get; refusals are problem+json, and a refused narrative save stores
 * nothing.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class AccessMatrixTest {

    enum Caller { NONE, ADMIN, FINANCE_OWN, FINANCE_OTHER, EVALUATOR_OWN, EVALUATOR_OTHER, VIEWER }

    record Endpoint(String name, boolean write, Function<RequestSpecification, Response> call, Set<Caller> allowed) {
    }

    static final Set<Caller> READ_RULE = Set.of(Caller.ADMIN, Caller.FINANCE_OWN, Caller.EVALUATOR_OWN, Caller.VIEWER);
    static final Set<Caller> SUMMARY = Set.of(Caller.ADMIN, Caller.EVALUATOR_OWN, Caller.VIEWER);
    static final Set<Caller> NARRATIVE_WRITE = Set.of(Caller.ADMIN, Caller.FINANCE_OWN);
    static final Set<Caller> ADMIN_ONLY = Set.of(Caller.ADMIN);
    static final Set<Caller> SAMPLE_DRAW = Set.of(Caller.ADMIN, Caller.EVALUATOR_OWN);

    @jakarta.inject.Inject
    cn.perfeval.report.season.SeasonFixture seasons;

    @Test
    void everyEndpointForEveryCaller() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String county = "矩阵县" + suffix;
        String otherCounty = "别县" + suffix;
        String unit = GoldenCase.newUnit();
        String otherUnit = GoldenCase.newUnit();
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1, county, "矩阵镇人民政府"));
        GoldenCase.send("score-events", unit + ":2024", GoldenCase.scoreEvent(unit, 1, 1, county, "矩阵镇人民政府",
                List.of(new java.math.BigDecimal("28"), new java.math.BigDecimal("19"), new java.math.BigDecimal("4"),
                        new java.math.BigDecimal("42"))));
        GoldenCase.send("budget-events", otherUnit + ":2024", GoldenCase.budgetEvent(otherUnit, 1, otherCounty, "别镇人民政府"));
        String narrative = "/api/v1/units/" + unit + "/years/2024/narrative";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200)
                        .body("provenance.scoreVersion", org.hamcrest.Matchers.equalTo(1)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + otherUnit + "/years/2024/report").then().statusCode(200));
        asAdmin().contentType("application/json").body("{\"overview\": \"初稿\"}").put(narrative).then().statusCode(200);

        Map<Caller, String> tokens = new LinkedHashMap<>();
        tokens.put(Caller.NONE, null);
        tokens.put(Caller.ADMIN, TOKENS.admin());
        tokens.put(Caller.FINANCE_OWN, TOKENS.finance(unit));
        tokens.put(Caller.FINANCE_OTHER, TOKENS.finance(otherUnit));
        tokens.put(Caller.EVALUATOR_OWN, TOKENS.evaluator(county));
        tokens.put(Caller.EVALUATOR_OTHER, TOKENS.evaluator(otherCounty));
        tokens.put(Caller.VIEWER, TOKENS.viewer());

        String report = "/api/v1/units/" + unit + "/years/2024/report";
        String summary = "/api/v1/counties/" + county + "/years/2024/summary";
        List<Endpoint> endpoints = new ArrayList<>();
        for (String format : List.of("json", "html", "md", "docx", "pdf")) {
            endpoints.add(new Endpoint("report " + format, false, r -> r.queryParam("format", format).get(report), READ_RULE));
        }
        endpoints.add(new Endpoint("narrative get", false, r -> r.get(narrative), READ_RULE));
        // the narrative exists, so a save names the version it replaces (If-Match), else 428
        endpoints.add(new Endpoint("narrative put", true, r -> r.contentType("application/json")
                .header("If-Match", "\"" + versionCount(narrative) + "\"")
                .body("{\"overview\": \"改写\"}").put(narrative), NARRATIVE_WRITE));
        endpoints.add(new Endpoint("narrative versions", false, r -> r.get(narrative + "/versions"), READ_RULE));
        endpoints.add(new Endpoint("narrative version 1", false, r -> r.get(narrative + "/versions/1"), READ_RULE));
        for (String format : List.of("docx", "xlsx", "html")) {
            endpoints.add(new Endpoint("county summary " + format, false, r -> r.queryParam("format", format).get(summary), SUMMARY));
        }
        endpoints.add(new Endpoint("audit", false, r -> r.queryParam("unitCode", unit).get("/api/v1/audit"), ADMIN_ONLY));
        // in-year monitoring (#16): a unit's as its report, a county's as its summary, settings written by admins only
        String settings = "/api/v1/counties/" + county + "/years/2024/monitoring-settings";
        endpoints.add(new Endpoint("unit monitoring", false, r -> r.queryParam("month", 7).get("/api/v1/units/" + unit + "/years/2024/monitoring"), READ_RULE));
        for (String format : List.of("html", "docx")) {
            endpoints.add(new Endpoint("unit monitoring report " + format, false, r -> r.queryParam("month", 7).queryParam("format", format)
                    .get("/api/v1/units/" + unit + "/years/2024/monitoring-report"), READ_RULE));
            endpoints.add(new Endpoint("county monitoring report " + format, false, r -> r.queryParam("month", 7).queryParam("format", format)
                    .get("/api/v1/counties/" + county + "/years/2024/monitoring-report"), SUMMARY));
        }
        endpoints.add(new Endpoint("county monitoring", false, r -> r.queryParam("month", 7).get("/api/v1/counties/" + county + "/years/2024/monitoring"), SUMMARY));
        endpoints.add(new Endpoint("monitoring settings get", false, r -> r.get(settings), SUMMARY));
        endpoints.add(new Endpoint("monitoring settings put", false, r -> r.contentType("application/json")
                .header("If-Match", asAdmin().get(settings).then().extract().header("ETag"))
                .body("{\"executionGapThreshold\": 10, \"targetGapThreshold\": 20}").put(settings), ADMIN_ONLY));
        // the season's samples, overview and county review document (#17): drawn by admins and the county's evaluators,
        // read as the county summary
        long season = seasons.season(county, 2024, "xiangtan-county", java.time.LocalDate.of(2025, 4, 30), new java.math.BigDecimal("5"));
        long task = seasons.task(season, unit, 2024, "矩阵镇人民政府", cn.perfeval.report.season.TaskState.SUBMITTED);
        seasons.submission(task, unit, 2024, 1, "xiangtan-county", new java.math.BigDecimal("93"), "优", "{\"findings\": []}");
        String seasonPath = "/api/v1/counties/" + county + "/years/2024/season";
        asAdmin().contentType("application/json").body("{\"share\": 100}").post(seasonPath + "/samples").then().statusCode(201);
        endpoints.add(new Endpoint("season sample draw", false, r -> r.contentType("application/json").body("{\"share\": 50}")
                .post(seasonPath + "/samples"), SAMPLE_DRAW));
        endpoints.add(new Endpoint("season samples", false, r -> r.get(seasonPath + "/samples"), SUMMARY));
        endpoints.add(new Endpoint("season sample 1", false, r -> r.get(seasonPath + "/samples/1"), SUMMARY));
        endpoints.add(new Endpoint("season overview", false, r -> r.get(seasonPath + "/overview"), SUMMARY));
        for (String format : List.of("html", "docx", "xlsx")) {
            endpoints.add(new Endpoint("season review report " + format, false, r -> r.queryParam("format", format)
                    .get(seasonPath + "/review-report"), SUMMARY));
        }

        boolean pdfFont = Documents.cjkFontInstalled();
        int cases = 0;
        int skipped = 0;
        int versions = versionCount(narrative);
        for (Endpoint e : endpoints) {
            for (Map.Entry<Caller, String> c : tokens.entrySet()) {
                boolean allowed = e.allowed().contains(c.getKey());
                String what = e.name() + " as " + c.getKey();
                if (allowed && e.name().equals("report pdf") && !pdfFont) {
                    skipped++; // answers 503 without a CJK font (PdfWithoutFontTest); refusals are still checked
                    continue;
                }
                Response r = e.call().apply(as(c.getValue()));
                cases++;
                if (allowed) {
                    assertThat(r.statusCode()).as(what + ": " + r.asString()).isBetween(200, 299);
                    if (e.write()) {
                        versions++;
                    }
                } else {
                    int expected = c.getKey() == Caller.NONE ? 401 : 403;
                    assertThat(r.statusCode()).as(what).isEqualTo(expected);
                    assertThat(r.contentType()).as(what).startsWith("application/problem+json");
                    assertThat(r.jsonPath().getString("type")).as(what)
                            .isEqualTo(expected == 401 ? "/problems/unauthorized" : "/problems/forbidden");
                    if (expected == 401) {
                        assertThat(r.header("WWW-Authenticate")).as(what).isEqualTo("Bearer");
                    } else {
                        assertThat(r.jsonPath().getString("detail")).as(what).isNotBlank();
                    }
                }
                if (e.write()) {
                    // a refused save stores nothing; an allowed one exactly one version
                    assertThat(versionCount(narrative)).as(what).isEqualTo(versions);
                }
            }
        }
        asAdmin().get(narrative).then().statusCode(200).body("narrative.overview", org.hamcrest.Matchers.equalTo("改写"));
        assertThat(cases + skipped).isEqualTo(endpoints.size() * tokens.size());
        System.out.println("AccessMatrixTest: " + cases + " cases (" + endpoints.size() + " endpoints × " + tokens.size()
                + " callers" + (skipped > 0 ? ", " + skipped + " PDF cases skipped: no CJK font" : "") + ")");
    }

    @Test
    void financeOfAnotherUnitCannotTellWhetherAUnitExists() {
        String mine = GoldenCase.newUnit();
        String token = TOKENS.finance(mine);
        String detail = "财务人员只能读取本单位（令牌所属单位" + mine + "，请求的单位";
        for (String other : List.of("NOSUCHUNIT", "114303210062309155")) {
            as(token).queryParam("format", "json").get("/api/v1/units/" + other + "/years/2024/report").then().statusCode(403)
                    .body("detail", org.hamcrest.Matchers.equalTo(detail + other + "）"));
            as(token).get("/api/v1/units/" + other + "/years/2024/narrative/versions/99").then().statusCode(403);
        }
    }

    @Test
    void tokensWithoutTheirScopingClaimAreRefused() {
        String unit = GoldenCase.newUnit();
        String financeWithoutUnit = TOKENS.token("f", "finance", null, null);
        String evaluatorWithoutCounty = TOKENS.token("e", "evaluator", null, null);
        String unknownRole = TOKENS.token("x", "auditor", null, null);
        for (String token : List.of(financeWithoutUnit, evaluatorWithoutCounty, unknownRole)) {
            as(token).get("/api/v1/units/" + unit + "/years/2024/narrative").then().statusCode(403)
                    .contentType("application/problem+json");
            as(token).contentType("application/json").body("{}").put("/api/v1/units/" + unit + "/years/2024/narrative")
                    .then().statusCode(403);
            as(token).get("/api/v1/counties/湘潭县/years/2024/summary").then().statusCode(403);
            as(token).get("/api/v1/audit").then().statusCode(403);
        }
        asAdmin().get("/api/v1/units/" + unit + "/years/2024/narrative/versions").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0)).body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    private static int versionCount(String narrative) {
        return asAdmin().get(narrative + "/versions").then().statusCode(200).extract().jsonPath().getInt("total");
    }
}
