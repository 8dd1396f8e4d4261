package cn.perfeval.report.season;

import cn.perfeval.report.api.ReportResource;
import cn.perfeval.report.support.Documents;
import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.perfeval.report.support.Calls.TOKENS;
import static cn.perfeval.report.support.Calls.as;
import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Samples, the county overview and the county review document of a season (docs/season.md, 复核与抽查), on seasons,
 * tasks and submissions the {@link SeasonFixture} writes straight into the tables. Every figure below is worked
 * out by hand from the fixture.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class SeasonReviewTest {

    static final String SYSTEM = "xiangtan-county";
    static final String BASE = "/api/v1/counties/{county}/years/{year}/season";
    static final String NO_FINDINGS = "{\"findings\": []}";

    @Inject
    SeasonFixture fixture;

    // ------------------------------------------------------------------ samples

    @Test
    void theSameSeedOverTheSamePopulationDrawsTheSameUnitsAndEveryDrawIsRecorded() {
        String county = county("抽查县");
        long season = fixture.season(county, 2024, SYSTEM, LocalDate.of(2025, 4, 30), new BigDecimal("5"));
        List<String> population = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String unit = GoldenCase.newUnit();
            long task = fixture.task(season, unit, 2024, "第" + (i + 1) + "单位", TaskState.SUBMITTED);
            fixture.submission(task, unit, 2024, 1, SYSTEM, new BigDecimal("85"), "良", NO_FINDINGS);
            population.add(unit);
        }
        // a unit that has not filed is not drawn from
        fixture.task(season, GoldenCase.newUnit(), 2024, "未提交单位", TaskState.FILLING);
        population.sort(Comparator.naturalOrder());

        ExtractableResponse<Response> first = draw(county, "{\"share\": 30, \"seed\": 42}", TOKENS.evaluator(county));
        assertThat(java.net.URLDecoder.decode(first.header("Location"), StandardCharsets.UTF_8)).endsWith("/api/v1/counties/" + county + "/years/2024/season/samples/1");
        JsonPath one = first.jsonPath();
        assertThat(one.getInt("number")).isEqualTo(1);
        assertThat(one.getLong("seed")).isEqualTo(42L);
        assertThat(one.getList("population", String.class)).containsExactlyElementsOf(population);
        assertThat(one.getInt("randomCount")).isEqualTo(3);   // ceil(30 × 10 / 100)
        List<String> expected42 = expected(42, population, 3);
        assertThat(one.getList("units.unitCode", String.class)).containsExactlyElementsOf(expected42);
        assertThat(one.getList("units.reasons.code", List.class)).allMatch(r -> r.equals(List.of("RANDOM")));
        assertThat(one.getString("units[0].reasons[0].text")).startsWith("随机抽取（种子42，按比例30%从10个已提交单位中抽取3个，排第");
        assertThat(one.getString("drawnBy")).isNotBlank();

        JsonPath again = draw(county, "{\"share\": 30, \"seed\": 42}", TOKENS.admin()).jsonPath();
        assertThat(again.getInt("number")).isEqualTo(2);
        assertThat(again.getList("units.unitCode", String.class)).containsExactlyElementsOf(expected42);

        long other = 43;
        while (expected(other, population, 3).equals(expected42)) {
            other++;
        }
        JsonPath different = draw(county, "{\"share\": 30, \"seed\": " + other + "}", TOKENS.admin()).jsonPath();
        assertThat(different.getList("units.unitCode", String.class)).containsExactlyElementsOf(expected(other, population, 3))
                .isNotEqualTo(expected42);

        // without a seed one is generated, recorded, and draws the same units again
        JsonPath generated = draw(county, "{\"share\": 12.5}", TOKENS.admin()).jsonPath();
        long seed = generated.getLong("seed");
        assertThat(seed).isBetween(0L, 9_007_199_254_740_991L);
        assertThat(generated.getInt("randomCount")).isEqualTo(2);   // ceil(12.5 × 10 / 100) = ceil(1.25)
        assertThat(generated.getList("units.unitCode", String.class)).containsExactlyElementsOf(expected(seed, population, 2));
        JsonPath replay = draw(county, "{\"share\": 12.5, \"seed\": " + seed + "}", TOKENS.admin()).jsonPath();
        assertThat(replay.getList("units.unitCode", String.class)).isEqualTo(generated.getList("units.unitCode", String.class));

        // all of them
        assertThat(draw(county, "{\"share\": 100, \"seed\": 7}", TOKENS.admin()).jsonPath().getList("units.unitCode", String.class))
                .containsExactlyElementsOf(population);

        // recorded: the list (newest first) and each draw as it was answered
        as(TOKENS.viewer()).get(BASE + "/samples", county, 2024).then().statusCode(200)
                .body("total", equalTo(6)).body("items[0].number", equalTo(6)).body("items[5].number", equalTo(1));
        as(TOKENS.viewer()).queryParam("size", 2).queryParam("page", 1).get(BASE + "/samples", county, 2024).then().statusCode(200)
                .body("items.number", equalTo(List.of(4, 3))).body("links.next", containsString("page=2"));
        JsonPath stored = as(TOKENS.evaluator(county)).get(BASE + "/samples/{n}", county, 2024, 1).then().statusCode(200)
                .extract().jsonPath();
        assertThat(stored.getList("units.unitCode", String.class)).containsExactlyElementsOf(expected42);
        assertThat(stored.getString("units[0].unitName")).startsWith("第");
        assertThat(stored.getString("drawnAt")).isEqualTo(one.getString("drawnAt"));
        asAdmin().get(BASE + "/samples/{n}", county, 2024, 99).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("没有第99次"));
    }

    @Test
    void rulesAddUnitsWithTheirReasons() {
        String county = county("规则县");
        long last = fixture.season(county, 2023, SYSTEM, LocalDate.of(2024, 4, 30), new BigDecimal("5"));
        assertThat(last).isPositive();
        long season = fixture.season(county, 2024, SYSTEM, LocalDate.of(2025, 4, 30), new BigDecimal("3"));
        String warned = unit(season, "优", finding("WARNING"));       // 优 with a warning: in
        String clean = unit(season, "优", NO_FINDINGS);                // 优 without findings: out
        String good = unit(season, "良", finding("ERROR"));            // 良 with an error: out
        String over = unit(season, "良", NO_FINDINGS);                 // last year +8 over 5: in
        String within = unit(season, "良", NO_FINDINGS);               // last year −3: out
        String under = unit(season, "良", NO_FINDINGS);                // last year −6: in (absolute value)
        fixture.score(over, 2023, SYSTEM, "{\"review\": {\"total\": 80, \"grade\": \"良\", \"deviation\": 8, \"indicators\": []}}");
        fixture.score(within, 2023, SYSTEM, "{\"review\": {\"total\": 88, \"grade\": \"良\", \"deviation\": -3, \"indicators\": []}}");
        fixture.score(under, 2023, SYSTEM, "{\"review\": {\"total\": 91, \"grade\": \"优\", \"deviation\": -6, \"indicators\": []}}");
        fixture.score(clean, 2023, SYSTEM, "{\"total\": 90}");   // a score without review: no deviation

        JsonPath s = draw(county, "{\"share\": 1, \"seed\": 5, \"rules\": [\"EXCELLENT_WITH_FINDINGS\", \"LARGE_DEVIATION_LAST_YEAR\"]}",
                TOKENS.evaluator(county)).jsonPath();
        List<String> population = new ArrayList<>(List.of(warned, clean, good, over, within, under));
        population.sort(Comparator.naturalOrder());
        String random = expected(5, population, 1).get(0);   // ceil(1 × 6 / 100) = 1
        assertThat(s.getList("rules", String.class)).containsExactly("EXCELLENT_WITH_FINDINGS", "LARGE_DEVIATION_LAST_YEAR");
        Map<String, List<String>> reasons = new java.util.TreeMap<>();
        for (Map<String, Object> u : s.<Map<String, Object>>getList("units")) {
            List<String> codes = new ArrayList<>();
            for (Object r : (List<?>) u.get("reasons")) {
                codes.add((String) ((Map<?, ?>) r).get("code"));
            }
            reasons.put((String) u.get("unitCode"), codes);
        }
        Map<String, List<String>> want = new java.util.TreeMap<>();
        want.computeIfAbsent(random, k -> new ArrayList<>()).add("RANDOM");
        want.computeIfAbsent(warned, k -> new ArrayList<>()).add("EXCELLENT_WITH_FINDINGS");
        want.computeIfAbsent(over, k -> new ArrayList<>()).add("LARGE_DEVIATION_LAST_YEAR");
        want.computeIfAbsent(under, k -> new ArrayList<>()).add("LARGE_DEVIATION_LAST_YEAR");
        assertThat(reasons).isEqualTo(want);
        assertThat(text(s, warned, "EXCELLENT_WITH_FINDINGS")).isEqualTo("最近一次提交（第1次）自评等级为优，而所提交的预算数据有1条警告的审核发现");
        assertThat(text(s, over, "LARGE_DEVIATION_LAST_YEAR")).isEqualTo("上年度（2023年）复核偏差8分（自评得分高于复核得分），超过上年度5分的阈值");
        assertThat(text(s, under, "LARGE_DEVIATION_LAST_YEAR")).isEqualTo("上年度（2023年）复核偏差6分（自评得分低于复核得分），超过上年度5分的阈值");

        // a county without last year's season: the deviation rule selects nobody
        String fresh = county("新县");
        long freshSeason = fixture.season(fresh, 2024, SYSTEM, LocalDate.of(2025, 4, 30), new BigDecimal("3"));
        String only = unit(freshSeason, "良", NO_FINDINGS);
        JsonPath f = draw(fresh, "{\"share\": 100, \"seed\": 1, \"rules\": [\"LARGE_DEVIATION_LAST_YEAR\"]}", TOKENS.admin()).jsonPath();
        assertThat(f.getList("units.unitCode", String.class)).containsExactly(only);
        assertThat(f.getList("units[0].reasons.code", String.class)).containsExactly("RANDOM");
    }

    @Test
    void aSeasonWithoutSubmissionsOrWithoutSeasonCannotBeSampled() {
        String county = county("空县");
        long season = fixture.season(county, 2024, SYSTEM, LocalDate.of(2025, 4, 30), new BigDecimal("5"));
        fixture.task(season, GoldenCase.newUnit(), 2024, "未提交单位", TaskState.NOT_STARTED);
        asAdmin().contentType("application/json").body("{\"share\": 50}").post(BASE + "/samples", county, 2024).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("尚无单位提交"));
        asAdmin().get(BASE + "/samples", county, 2024).then().statusCode(200).body("total", equalTo(0));
        asAdmin().contentType("application/json").body("{\"share\": 50}").post(BASE + "/samples", county("无季县"), 2024).then()
                .statusCode(404).body("detail", containsString("尚未开启自评季"));
        asAdmin().get(BASE + "/samples", county("无季县"), 2024).then().statusCode(404);
        asAdmin().get(BASE + "/samples/{n}", county("无季县"), 2024, 1).then().statusCode(404);
        asAdmin().get(BASE + "/review-report", county("无季县"), 2024).then().statusCode(404);
    }

    // ------------------------------------------------------------------ overview and document

    /**
     * Seven units, one per state: 甲 未开始, 乙 填报中, 丙 已退回 (85 良), 丁 已提交 (93 优), 戊 已通过 (second
     * submission 93 优; review 87 良, +6 over the threshold 5), 己 审核中 (80 良; review 84 良, −4 within), 庚 已公开
     * (70 中; review 78 良, −8 over). Deadline 30 April 2025; on 10 May 甲, 乙 and 丙 are 10 days overdue.
     */
    @Test
    void theOverviewAndTheCountyDocumentAreWorkedOutByHand() throws Exception {
        String county = county("复核县");
        long season = fixture.season(county, 2024, SYSTEM, LocalDate.of(2025, 4, 30), new BigDecimal("5"));
        String prefix = GoldenCase.newUnit().substring(0, 10);
        String a = prefix + "A1", b = prefix + "B2", c = prefix + "C3", d = prefix + "D4", e = prefix + "E5", f = prefix + "F6", g = prefix + "G7";
        fixture.task(season, a, 2024, "甲镇人民政府", TaskState.NOT_STARTED);
        fixture.task(season, b, 2024, "乙镇人民政府", TaskState.FILLING);
        fixture.submission(fixture.task(season, c, 2024, "丙镇人民政府", TaskState.RETURNED), c, 2024, 1, SYSTEM, new BigDecimal("85"), "良", NO_FINDINGS);
        fixture.submission(fixture.task(season, d, 2024, "丁镇人民政府", TaskState.SUBMITTED), d, 2024, 1, SYSTEM, new BigDecimal("93"), "优", NO_FINDINGS);
        long te = fixture.task(season, e, 2024, "戊镇人民政府", TaskState.APPROVED);
        fixture.submission(te, e, 2024, 1, SYSTEM, new BigDecimal("88"), "良", NO_FINDINGS);
        fixture.submission(te, e, 2024, 2, SYSTEM, new BigDecimal("93"), "优", NO_FINDINGS);
        fixture.submission(fixture.task(season, f, 2024, "己镇人民政府", TaskState.IN_REVIEW), f, 2024, 1, SYSTEM, new BigDecimal("80"), "良", NO_FINDINGS);
        fixture.submission(fixture.task(season, g, 2024, "庚镇人民政府", TaskState.PUBLISHED), g, 2024, 1, SYSTEM, new BigDecimal("70"), "中", NO_FINDINGS);
        fixture.score(e, 2024, SYSTEM, scored(e, county, "戊镇人民政府", "87", "良", "6",
                indicator("D3", "社会效益", "10", "10", "4", "6", "佐证材料不足以支撑满分")));
        fixture.score(f, 2024, SYSTEM, scored(f, county, "己镇人民政府", "84", "良", "-4",
                indicator("C1", "资产管理", "6", "2", "6", "-4", "固定资产账实相符，应得满分")));
        fixture.score(g, 2024, SYSTEM, scored(g, county, "庚镇人民政府", "78", "良", "-8",
                indicator("B2", "预算编制", "8", null, "8", null, "自评时待评定，复核认定编制规范")));
        // a score under another system does not count
        fixture.score(d, 2024, "national-common", scored(d, county, "丁镇人民政府", "60", "中", "33",
                indicator("A1", "x", "10", "10", "0", "10", "别的体系")));
        List<String> population = new ArrayList<>(List.of(c, d, e, f, g));
        List<String> sampled = expected(11, population, 3);   // ceil(50 × 5 / 100) = 3
        draw(county, "{\"share\": 50, \"seed\": 11}", TOKENS.admin());

        moveTo(LocalDate.of(2025, 5, 10));
        JsonPath o = as(TOKENS.evaluator(county)).get(BASE + "/overview", county, 2024).then().statusCode(200).extract().jsonPath();
        assertThat(o.getString("deadline")).isEqualTo("2025-04-30");
        assertThat(o.getString("asOf")).isEqualTo("2025-05-10");
        assertThat(o.getString("systemName")).isEqualTo("湘潭县部门整体支出绩效评价指标体系（县级模板）");
        assertThat(new BigDecimal(o.getString("deviationThreshold"))).isEqualByComparingTo("5");
        assertThat(o.getInt("unitsTotal")).isEqualTo(7);
        assertThat(o.getList("states.state", String.class)).containsExactly("NOT_STARTED", "FILLING", "SUBMITTED", "IN_REVIEW", "RETURNED",
                "APPROVED", "PUBLISHED");
        assertThat(o.getList("states.label", String.class)).containsExactly("未开始", "填报中", "已提交", "审核中", "已退回", "已通过", "已公开");
        assertThat(o.getList("states.count", Integer.class)).containsExactly(1, 1, 1, 1, 1, 1, 1);
        assertThat(o.getList("overdue.unitCode", String.class)).containsExactly(a, b, c);
        assertThat(o.getList("overdue.overdueDays", Integer.class)).containsExactly(10, 10, 10);
        assertThat(o.getList("overdue.stateLabel", String.class)).containsExactly("未开始", "填报中", "已退回");
        assertThat(o.getList("units.unitCode", String.class)).containsExactly(a, b, c, d, e, f, g);
        assertThat(o.getList("units.selfTotal", BigDecimal.class)).usingElementComparator(Comparator.nullsFirst(BigDecimal::compareTo))
                .containsExactly(null, null, new BigDecimal("85"), new BigDecimal("93"), new BigDecimal("93"), new BigDecimal("80"), new BigDecimal("70"));
        assertThat(o.getList("units.submissions", Integer.class)).containsExactly(0, 0, 1, 1, 2, 1, 1);
        assertThat(o.getList("units.reviewGrade", String.class)).containsExactly(null, null, null, null, "良", "良", "良");
        assertThat(o.getList("units.deviation", BigDecimal.class)).usingElementComparator(Comparator.nullsFirst(BigDecimal::compareTo))
                .containsExactly(null, null, null, null, new BigDecimal("6"), new BigDecimal("-4"), new BigDecimal("-8"));
        assertThat(o.getList("units.flagged", Boolean.class)).containsExactly(false, false, false, false, true, false, true);
        assertThat(o.getString("units[4].flag")).isEqualTo("自评质量：自评得分高于复核得分6分，超过5分的阈值");
        assertThat(o.getString("units[6].flag")).isEqualTo("自评质量：自评得分低于复核得分8分，超过5分的阈值");
        assertThat(o.getString("units[5].flag")).isNull();
        assertThat(o.getList("units.overdue", Boolean.class)).containsExactly(true, true, true, false, false, false, false);
        assertThat(o.getString("units[6].reviewedIndicators[0].reason")).isEqualTo("自评时待评定，复核认定编制规范");
        assertThat(o.getString("units[6].reviewedIndicators[0].selfPoints")).isNull();
        List<Boolean> isSampled = new ArrayList<>();
        for (String u : List.of(a, b, c, d, e, f, g)) {
            isSampled.add(sampled.contains(u));
        }
        assertThat(o.getList("units.sampled", Boolean.class)).isEqualTo(isSampled);
        assertThat(o.getList("grades.grade", String.class)).containsExactly("优", "良", "中", "差");
        assertThat(o.getList("grades.self", Integer.class)).containsExactly(2, 2, 1, 0);
        assertThat(o.getList("grades.review", Integer.class)).containsExactly(0, 3, 0, 0);
        assertThat(o.getInt("reviewed")).isEqualTo(3);
        assertThat(o.getInt("flagged")).isEqualTo(2);
        assertThat(o.getInt("latestSample.number")).isEqualTo(1);

        // the deadline itself is not late; the day after is one day late
        moveTo(LocalDate.of(2025, 4, 30));
        as(TOKENS.viewer()).get(BASE + "/overview", county, 2024).then().statusCode(200).body("overdue.size()", equalTo(0))
                .body("units[0].overdue", equalTo(false));
        moveTo(LocalDate.of(2025, 5, 1));
        as(TOKENS.viewer()).get(BASE + "/overview", county, 2024).then().statusCode(200)
                .body("overdue.overdueDays", equalTo(List.of(1, 1, 1)));

        // ---- the county document
        moveTo(LocalDate.of(2025, 5, 10));
        List<List<String>> unitTable = List.of(
                List.of("序号", "单位", "状态", "自评得分", "自评等级", "复核得分", "复核等级", "偏差", "自评质量"),
                List.of("1", "甲镇人民政府", "未开始（逾期10天）", "", "", "", "", "", "未复核"),
                List.of("2", "乙镇人民政府", "填报中（逾期10天）", "", "", "", "", "", "未复核"),
                List.of("3", "丙镇人民政府", "已退回（逾期10天）", "85", "良", "", "", "", "未复核"),
                List.of("4", "丁镇人民政府", "已提交", "93", "优", "", "", "", "未复核"),
                List.of("5", "戊镇人民政府", "已通过", "93", "优", "87", "良", "6", "偏差超过阈值"),
                List.of("6", "己镇人民政府", "审核中", "80", "良", "84", "良", "-4", "偏差在阈值内"),
                List.of("7", "庚镇人民政府", "已公开", "70", "中", "78", "良", "-8", "偏差超过阈值"));
        List<List<String>> flaggedE = List.of(List.of("序号", "指标", "满分", "自评得分", "复核得分", "偏差", "复核理由"),
                List.of("1", "D3 社会效益", "10", "10", "4", "6", "佐证材料不足以支撑满分"));
        List<List<String>> flaggedG = List.of(List.of("序号", "指标", "满分", "自评得分", "复核得分", "偏差", "复核理由"),
                List.of("1", "B2 预算编制", "8", "", "8", "", "自评时待评定，复核认定编制规范"));
        String html = as(TOKENS.evaluator(county)).queryParam("format", "html").get(BASE + "/review-report", county, 2024).then()
                .statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains(county + "2024年度部门整体支出绩效自评复核情况汇总")
                .contains("本年度共下达自评任务7个，提交截止日期为2025年4月30日。截至2025年5月10日，已提交4个（含审核中1个），"
                        + "已通过2个（其中已公开1个），已退回修改1个，尚未提交2个，逾期3个。")
                .contains("逾期未提交的单位：甲镇人民政府（未开始，逾期10天）；乙镇人民政府（填报中，逾期10天）；丙镇人民政府（已退回，逾期10天）。")
                .contains("已对3个单位的自评结果进行复核，其中2个单位自评得分与复核得分的偏差超过5分的阈值，列为自评质量问题（见第四部分）。")
                .contains("第1次抽取（").contains("从已提交的5个单位中按50%的比例随机抽取3个单位（随机种子11），共3个单位列入抽查复核。")
                .contains("（一）戊镇人民政府").contains("（二）庚镇人民政府")
                .contains("自评得分93分（优），复核得分87分（良）。自评质量：自评得分高于复核得分6分，超过5分的阈值。");
        // Chinese throughout: no system code, no English word or program name (the check of ChineseThroughoutTest)
        assertThat(html).contains("指标体系：湘潭县部门整体支出绩效评价指标体系（县级模板）").doesNotContain(SYSTEM);
        String visible = html.substring(html.indexOf("<body>")).replaceAll("<[^>]+>", " ").replace(county, "复核县");
        java.util.regex.Matcher english = java.util.regex.Pattern.compile(
                "(?<![A-Za-z0-9_])([A-Za-z0-9_]*[a-z_][A-Za-z0-9_]*|[A-Z]{5,}[A-Z0-9]*)(?![A-Za-z0-9_])").matcher(visible);
        List<String> words = new ArrayList<>();
        while (english.find()) {
            words.add(english.group());
        }
        assertThat(words).as("English words or identifiers in the document").isEmpty();
        List<List<List<String>>> tables = Documents.htmlTables(html);
        assertThat(tables).hasSize(6);
        assertThat(tables.get(2)).isEqualTo(unitTable);
        assertThat(tables.get(3).stream().skip(1).map(r -> r.get(2)).toList()).allMatch(t -> t.startsWith("随机抽取（种子11"));
        assertThat(tables.get(4)).isEqualTo(flaggedE);
        assertThat(tables.get(5)).isEqualTo(flaggedG);

        byte[] docx = asAdmin().queryParam("format", "docx").get(BASE + "/review-report", county, 2024).then().statusCode(200)
                .contentType(ReportResource.DOCX).header("Content-Disposition", containsString("season-review-2024.docx"))
                .extract().asByteArray();
        // kept for a look (LibreOffice: soffice --headless --convert-to pdf target/season-review-2024.docx)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "season-review-2024.docx"), docx);
        try (XWPFDocument doc = Documents.docx(docx)) {
            assertThat(doc.getTables()).hasSize(6);
            assertThat(Documents.cells(doc.getTables().get(2))).isEqualTo(unitTable);
            assertThat(Documents.cells(doc.getTables().get(4))).isEqualTo(flaggedE);
            assertThat(String.join("\n", Documents.paragraphs(doc))).contains("一、总体情况", "二、各单位自评及复核情况", "三、抽查复核情况",
                    "四、自评质量问题单位", county + "财政局");
        }
        assertThat(asAdmin().accept(ReportResource.DOCX).get(BASE + "/review-report", county, 2024).then().statusCode(200)
                .extract().asByteArray()).as("the same data give the same DOCX bytes").isEqualTo(docx);
        assertThat(asAdmin().queryParam("format", "html").get(BASE + "/review-report", county, 2024).then().statusCode(200)
                .extract().asString()).isEqualTo(html);

        byte[] xlsx = asAdmin().queryParam("format", "xlsx").get(BASE + "/review-report", county, 2024).then().statusCode(200)
                .contentType(ReportResource.XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2))).containsExactly("复核汇总", "抽查复核", "复核指标");
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(rows(sheet, 1, 8, 9)).isEqualTo(unitTable);
            assertThat(sheet.getRow(6).getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(7).getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(7).getCell(7).getCTCell().getV()).isEqualTo("-4");
            assertThat(rows(wb.getSheetAt(2), 2, 4, 9)).containsExactly(
                    List.of("戊镇人民政府", "D3", "社会效益", "10", "10", "4", "6", "佐证材料不足以支撑满分", "是"),
                    List.of("己镇人民政府", "C1", "资产管理", "6", "2", "6", "-4", "固定资产账实相符，应得满分", "否"),
                    List.of("庚镇人民政府", "B2", "预算编制", "8", "", "8", "", "自评时待评定，复核认定编制规范", "是"));
            assertThat(wb.getSheetAt(1).getLastRowNum()).isEqualTo(4);   // title, header, three sampled units
        }
        assertThat(asAdmin().accept(ReportResource.XLSX).get(BASE + "/review-report", county, 2024).then().statusCode(200)
                .extract().asByteArray()).as("the same data give the same XLSX bytes").isEqualTo(xlsx);
        asAdmin().queryParam("format", "pdf").get(BASE + "/review-report", county, 2024).then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        asAdmin().accept("application/pdf").get(BASE + "/review-report", county, 2024).then().statusCode(406);
    }

    // ------------------------------------------------------------------ who may

    @Test
    void whoMayDrawAndWhoMayRead() {
        String county = county("权限县");
        long season = fixture.season(county, 2024, SYSTEM, LocalDate.of(2025, 4, 30), new BigDecimal("5"));
        String unit = unit(season, "良", NO_FINDINGS);
        String body = "{\"share\": 50, \"seed\": 3}";
        Map<String, Integer> drawers = Map.of(TOKENS.admin(), 201, TOKENS.evaluator(county), 201, TOKENS.evaluator("别的县"), 403,
                TOKENS.viewer(), 403, TOKENS.finance(unit), 403);
        drawers.forEach((token, status) -> as(token).contentType("application/json").body(body).post(BASE + "/samples", county, 2024)
                .then().statusCode(status));
        Map<String, Integer> readers = Map.of(TOKENS.admin(), 200, TOKENS.evaluator(county), 200, TOKENS.viewer(), 200,
                TOKENS.evaluator("别的县"), 403, TOKENS.finance(unit), 403);
        readers.forEach((token, status) -> {
            as(token).get(BASE + "/overview", county, 2024).then().statusCode(status);
            as(token).get(BASE + "/samples", county, 2024).then().statusCode(status);
            as(token).get(BASE + "/samples/{n}", county, 2024, 1).then().statusCode(status);
            as(token).queryParam("format", "html").get(BASE + "/review-report", county, 2024).then().statusCode(status);
        });
        as(TOKENS.viewer()).contentType("application/json").body(body).post(BASE + "/samples", county, 2024).then().statusCode(403)
                .body("detail", equalTo("抽取" + county + "的抽查复核单位须为管理员或该县的评价人员"));
        asAdmin().get(BASE + "/samples", county, 2024).then().statusCode(200).body("total", equalTo(2));
        asAdmin().contentType("application/json").body("{\"share\": 0}").post(BASE + "/samples", county, 2024).then().statusCode(400)
                .body("errors[0].field", equalTo("share"));
        asAdmin().get(BASE + "/overview", county, 1999).then().statusCode(400);
    }

    // ------------------------------------------------------------------ helpers

    private void moveTo(LocalDate day) {
        QuarkusMock.installMockForType(new SeasonCalendar(Clock.fixed(day.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"))), SeasonCalendar.class);
    }

    private String unit(long season, String grade, String budget) {
        String unit = GoldenCase.newUnit();
        long task = fixture.task(season, unit, 2024, "单位" + unit.substring(9), TaskState.SUBMITTED);
        fixture.submission(task, unit, 2024, 1, SYSTEM, new BigDecimal("优".equals(grade) ? "93" : "85"), grade, budget);
        return unit;
    }

    private static String finding(String severity) {
        return "{\"findings\": [{\"ruleId\": \"BUD-X\", \"severity\": \"" + severity + "\", \"message\": \"审核发现\"},"
                + " {\"ruleId\": \"BUD-Y\", \"severity\": \"INFO\", \"message\": \"提示\"}]}";
    }

    private static ExtractableResponse<Response> draw(String county, String body, String token) {
        return as(token).contentType("application/json").body(body).post(BASE + "/samples", county, 2024).then().statusCode(201)
                .contentType("application/json").extract();
    }

    /** The documented draw, computed here on its own: SHA-256 of "seed:unitCode", ascending hex, the first k, by code. */
    static List<String> expected(long seed, List<String> population, int k) {
        List<String> sorted = new ArrayList<>(population);
        sorted.sort(Comparator.comparing((String u) -> sha256(seed + ":" + u)).thenComparing(u -> u));
        List<String> out = new ArrayList<>(sorted.subList(0, k));
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonPath sample, String unit, String code) {
        for (Map<String, Object> u : sample.<Map<String, Object>>getList("units")) {
            if (unit.equals(u.get("unitCode"))) {
                for (Object r : (List<?>) u.get("reasons")) {
                    if (code.equals(((Map<?, ?>) r).get("code"))) {
                        return (String) ((Map<?, ?>) r).get("text");
                    }
                }
            }
        }
        return null;
    }

    /** The golden score event for the unit with a review as scoring publishes it. */
    private static String scored(String unit, String county, String name, String total, String grade, String deviation, ObjectNode indicator) {
        ObjectNode e = GoldenCase.scoreEvent(unit, 1, 1, county, name,
                List.of(new BigDecimal("28"), new BigDecimal("19"), new BigDecimal("4"), new BigDecimal("42")));
        ObjectNode review = e.putObject("review");
        review.put("total", new BigDecimal(total)).put("grade", grade).put("deviation", new BigDecimal(deviation));
        review.putArray("indicators").add(indicator);
        return e.toString();
    }

    private static ObjectNode indicator(String code, String name, String max, String self, String review, String deviation, String reason) {
        ObjectNode i = GoldenCase.JSON.createObjectNode().put("code", code).put("name", name).put("maxPoints", new BigDecimal(max));
        if (self != null) {
            i.put("selfPoints", new BigDecimal(self));
        }
        i.put("reviewPoints", new BigDecimal(review));
        if (deviation != null) {
            i.put("deviation", new BigDecimal(deviation));
        }
        return i.put("reason", reason).put("by", "县评价组").put("at", "2025-05-08T02:00:00Z");
    }

    private static List<List<String>> rows(XSSFSheet sheet, int from, int to, int columns) {
        List<List<String>> out = new ArrayList<>();
        for (int r = from; r <= to; r++) {
            XSSFRow row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                XSSFCell cell = row.getCell(i);
                cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC ? cell.getCTCell().getV() : cell.getStringCellValue());
            }
            out.add(cells);
        }
        return out;
    }

    private static String county(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }
}
