package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** Indicator systems defined, versioned, validated and assigned entirely through the API. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class SystemResourceTest {

    @jakarta.inject.Inject
    cn.perfeval.scoring.service.SystemCatalog catalog;

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    static final String GRADES = """
            [{"grade": "A", "min": 85, "minInclusive": true, "max": null, "maxInclusive": false},
             {"grade": "B", "min": 70, "minInclusive": true, "max": 85, "maxInclusive": false},
             {"grade": "C", "min": null, "minInclusive": false, "max": 70, "maxInclusive": false}]""";

    /** Every rule shape and a judgement, 100 points, its own grade bands (A ≥ 85, B ≥ 70, C below). */
    static String system(String code, String a1Formula, String extraBand) {
        return """
                {"code": "%s", "name": "自定义指标体系", "gradeBands": %s,
                 "groups": [
                   {"code": "A", "name": "预算执行", "maxPoints": 60, "children": [
                     {"code": "A1", "name": "基本支出控制率", "maxPoints": 20, "formula": "%s", "unit": "%%", "scale": 2,
                      "rule": {"type": "bands", "bands": [
                        {"min": null, "minInclusive": false, "max": 100, "maxInclusive": true, "points": 20},
                        {"min": 100, "minInclusive": false, "max": 110, "maxInclusive": false, "points": 15}%s,
                        {"min": 110, "minInclusive": true, "max": null, "maxInclusive": false, "points": 0}]}},
                     {"code": "A2", "name": "预算完成率", "maxPoints": 20, "formula": "totalActual / adjustedBudget * 100",
                      "unit": "%%", "scale": 2,
                      "rule": {"type": "deduction", "threshold": 100, "direction": "below", "perUnit": 5, "points": 2, "floor": 4}},
                     {"code": "A3", "name": "项目执行率", "maxPoints": 10, "formula": "projectActual / projectBudget * 100",
                      "unit": "%%", "scale": 2, "rule": {"type": "proportional", "reference": 100}},
                     {"code": "A4", "name": "三公经费未超预算", "maxPoints": 10, "formula": "threePublicActual <= threePublicBudget",
                      "rule": {"type": "passFail"}}]},
                   {"code": "B", "name": "履职", "maxPoints": 40, "children": [
                     {"code": "B1", "name": "职责履行", "maxPoints": 40, "judged": true}]}]}
                """.formatted(code, GRADES, a1Formula, extraBand);
    }

    static String newCode() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void rejected(String body, String field, String messagePart) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/systems").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItems(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(messagePart));
    }

    @Test
    void shippedSystemsAreSeeded() {
        given().get("/api/v1/systems").then().statusCode(200)
                .body("items.code", hasItems("xiangtan-county", "national-common", "self-evaluation-2020"));
        given().get("/api/v1/systems/national-common/versions/1").then().statusCode(200)
                .body("groups.maxPoints", equalTo(List.of(20, 40, 20, 20)))
                .body("groups[1].children[0].children[0].formula", equalTo("totalActual / adjustedBudget * 100"));
        given().get("/api/v1/systems/self-evaluation-2020").then().statusCode(200)
                .body("groups.maxPoints", equalTo(List.of(10, 50, 30, 10)))
                .body("groups[0].children[0].rule.type", equalTo("proportional"));
        given().get("/api/v1/measures").then().statusCode(200).body("items.size()", equalTo(30))
                .body("items.name", hasItems("yearStartBudget", "keyTasksCompleted"));
        given().get("/api/v1/systems/nope/versions/1").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentDescribesTheNewEndpoints() {
        String judgement = "paths.'/api/v1/units/{unitCode}/years/{year}/judgements/{systemCode}/{indicatorCode}'";
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(judgement + ".put.responses.keySet()", hasItems("200", "400", "404", "412", "428"))
                .body(judgement + ".put.responses.'400'.description", containsString("得分"))
                .body(judgement + ".put.responses.'200'.headers.keySet()", hasItems("ETag"))
                .body(judgement + ".get.operationId", equalTo("getJudgement"))
                .body("paths.'/api/v1/systems'.post.responses.keySet()", hasItems("201", "400", "409"))
                .body("paths.'/api/v1/counties/{county}/years/{year}/ranking'.get.summary", containsString("排名"))
                .body("paths.'/api/v1/counties/{county}/years/{year}/assignment'.put.responses.keySet()",
                        hasItems("200", "400", "412", "428"))
                .body("paths.keySet().findAll { !it.startsWith('/api/v1/') && it.startsWith('/api/') }", hasSize(0));
    }

    @Test
    void aSystemIsCreatedVersionedAndNeverChangedInPlace() {
        String code = newCode();
        given().contentType(ContentType.JSON).body(system(code, "basicActual / basicBudget * 100", "")).post("/api/v1/systems")
                .then().statusCode(201).header("Location", containsString("/api/v1/systems/" + code + "/versions/1"))
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(system(code, "basicActual / basicBudget * 100", "")).post("/api/v1/systems")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(system(code, "ROUND(basicActual / basicBudget * 100, 0)", ""))
                .post("/api/v1/systems/" + code + "/versions").then().statusCode(201).body("version", equalTo(2));
        given().get("/api/v1/systems/" + code + "/versions").then().body("items.version", equalTo(List.of(1, 2)));
        given().get("/api/v1/systems/" + code + "/versions/1").then().statusCode(200)
                .body("groups[0].children[0].formula", equalTo("basicActual / basicBudget * 100"));
        given().get("/api/v1/systems/" + code).then().body("version", equalTo(2))
                .body("groups[0].children[0].formula", equalTo("ROUND(basicActual / basicBudget * 100, 0)"));
        given().contentType(ContentType.JSON).body(system("other", "basicActual / basicBudget * 100", ""))
                .post("/api/v1/systems/" + code + "/versions").then().statusCode(400).body("errors[0].field", equalTo("code"));
        given().contentType(ContentType.JSON).body(system(newCode(), "basicActual / basicBudget * 100", ""))
                .post("/api/v1/systems/" + newCode() + "/versions").then().statusCode(400);
    }

    @Test
    void theDocumentedExampleIsAcceptedAndScoresNothingUntilAssigned() {
        String code = newCode();
        given().contentType(ContentType.JSON).body(Examples.SYSTEM.replace("demo-county", code)).post("/api/v1/systems")
                .then().statusCode(201).body("code", equalTo(code)).body("groups[0].children[1].judged", equalTo(true));
        given().get("/api/v1/counties/无此县/years/2024/ranking?system=" + code).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("distribution.byGrade.grade", equalTo(List.of("优", "良", "中", "差")));
    }

    @Test
    void badSystemsAreRejectedWithTheFieldPath() {
        rejected(system(newCode(), "basicSpent / basicBudget * 100", ""), "groups[0].children[0].formula",
                "未知的度量 'basicSpent'");
        rejected(system(newCode(), "basicActual / (basicBudget * 100", ""), "groups[0].children[0].formula", "无法解析");
        rejected(system(newCode(), "SQRT(basicActual)", ""), "groups[0].children[0].formula", "无法解析");
        rejected(system(newCode(), "FACT(basicActual)", ""), "groups[0].children[0].formula", "ABS、MIN、MAX、ROUND、IF");
        rejected(system(newCode(), "basicActual ^ 2", ""), "groups[0].children[0].formula", "无法解析");
        rejected(system(newCode(), "basicActual % 7", ""), "groups[0].children[0].formula", "无法解析");
        rejected(system(newCode(), "basicActual.x / basicBudget", ""), "groups[0].children[0].formula", "无法解析");
        // a band overlapping its neighbour, and one leaving a gap
        rejected(system(newCode(), "basicActual / basicBudget * 100",
                        ",\n {\"min\": 105, \"minInclusive\": true, \"max\": 110, \"maxInclusive\": false, \"points\": 10}"),
                "groups[0].children[0].rule.bands[2].min", "重叠");
        rejected(system(newCode(), "basicActual / basicBudget * 100",
                        ",\n {\"min\": 110, \"minInclusive\": false, \"max\": 120, \"maxInclusive\": false, \"points\": 10}"),
                "groups[0].children[0].rule.bands[2].min", "缺口");
        // bands that do not cover the range the indicator declares
        rejected(system(newCode(), "basicActual / basicBudget * 100", "")
                        .replace("\"name\": \"基本支出控制率\", \"maxPoints\": 20,",
                                "\"name\": \"基本支出控制率\", \"maxPoints\": 20, \"range\": {\"min\": 0, \"max\": null},")
                        .replace("{\"min\": null, \"minInclusive\": false, \"max\": 100", "{\"min\": 50, \"minInclusive\": true, \"max\": 100"),
                "groups[0].children[0].rule.bands[0].min", "覆盖声明的取值范围，自 0 起");
        // group maxima, grade bands, rule parameters
        String code = newCode();
        rejected(system(code, "basicActual / basicBudget * 100", "").replace("\"maxPoints\": 60", "\"maxPoints\": 50"),
                "groups[0].maxPoints", "下级满分之和 60");
        rejected(system(newCode(), "basicActual / basicBudget * 100", "").replace("\"min\": 70, \"minInclusive\": true",
                "\"min\": 75, \"minInclusive\": true"), "gradeBands[1].min", "缺口");
        rejected(system(newCode(), "basicActual / basicBudget * 100", "").replace("\"max\": 85, \"maxInclusive\": false",
                "\"max\": 85, \"maxInclusive\": true"), "gradeBands[0].min", "重叠");
        rejected(system(newCode(), "basicActual / basicBudget * 100", "").replace("\"min\": null, \"minInclusive\": false, \"max\": 70",
                "\"min\": 10, \"minInclusive\": true, \"max\": 70"), "gradeBands[2].min", "覆盖 0 分");
        rejected(system(newCode(), "basicActual / basicBudget * 100", "").replace("\"perUnit\": 5", "\"perUnit\": -5"),
                "groups[0].children[1].rule.perUnit", "正数");
        rejected(system(newCode(), "basicActual / basicBudget * 100", "").replace("\"reference\": 100", "\"reference\": 0"),
                "groups[0].children[2].rule.reference", "正数");
        rejected(system(newCode(), "basicActual / basicBudget * 100", "").replace("\"points\": 20},", "\"points\": 25},"),
                "groups[0].children[0].rule.bands[0].points", "满分");
        // an unknown rule type is not readable at all
        given().contentType(ContentType.JSON).body(system(newCode(), "basicActual / basicBudget * 100", "")
                        .replace("\"type\": \"passFail\"", "\"type\": \"script\""))
                .post("/api/v1/systems").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-body"));
        given().get("/api/v1/systems/" + code).then().statusCode(404);
    }

    @Test
    void unreadableSystemsAreExplainedInTheUsersTermsNamingTheFieldAndWhatIsAllowed() {
        String valid = system(newCode(), "basicActual / basicBudget * 100", "");
        // a field the rule does not have: named, with the rule's fields
        String unknownField = detail(valid.replace("\"perUnit\": 5,", "\"perUnit\": 5, \"rounding\": \"up\","));
        assertThat(unknownField).contains("groups[0].children[1].rule.rounding").contains("未知字段 rounding")
                .contains("threshold").contains("direction").contains("perUnit").contains("floor");
        // a rule type that does not exist: named, with the rule types
        String unknownType = detail(valid.replace("\"type\": \"passFail\"", "\"type\": \"steps\""));
        assertThat(unknownType).contains("groups[0].children[3].rule.type").contains("未知类型 steps")
                .contains("bands").contains("deduction").contains("proportional").contains("passFail");
        // a value of the wrong kind: the field and what it should be
        String wrongKind = detail(valid.replace("\"perUnit\": 5", "\"perUnit\": \"five\""));
        assertThat(wrongKind).contains("groups[0].children[1].rule.perUnit").contains("数字");
        String notAnEnum = detail(valid.replace("\"direction\": \"below\"", "\"direction\": \"sideways\""));
        assertThat(notAnEnum).contains("groups[0].children[1].rule.direction").contains("above").contains("below");
        for (String d : List.of(unknownField, unknownType, wrongKind, notAnEnum)) {
            assertThat(d).doesNotContain("class ").doesNotContain("cn.perfeval").doesNotContain("Unrecognized")
                    .doesNotContain("subtype").doesNotContain("JsonProcessing").doesNotContain("java.");
        }
    }

    private static String detail(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/systems").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/malformed-body"))
                .extract().path("detail");
    }

    @Test
    void aSystemDefinedThroughTheApiScoresEveryRuleShape() {
        String code = newCode();
        String county = "测试县" + code;
        given().contentType(ContentType.JSON).body(system(code, "basicActual / basicBudget * 100", "")).post("/api/v1/systems")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"systemCode\": \"" + code + "\", \"systemVersion\": 1}")
                .put("/api/v1/counties/" + county + "/years/2024/assignment").then().statusCode(200).body("systemVersion", equalTo(1))
                .header("ETag", "\"1\"");
        given().get("/api/v1/counties/" + county + "/years/2024/assignment").then().body("systemCode", equalTo(code))
                .header("ETag", "\"1\"");

        String unit = TestEvents.newUnit();
        // basic 110 % → band [110, +∞) → 0; completion 83.33 % → 16.67 below: 4 started steps of 5 × 2 = 8 off, 12;
        // project 50.17 % → 10 × 50.17 / 100 = 5.02; 三公 0 ≤ 12 → pass, 10; B1 judged 30 → 57 → C
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, county, 1, """
                {"basicActual": 110, "basicBudget": 100, "totalActual": 4413, "adjustedBudget": 5295.65,
                 "projectActual": 860, "projectBudget": 1714.31, "threePublicActual": 0, "threePublicBudget": 12}"""));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200));
        given().contentType(ContentType.JSON).body("{\"points\": 30, \"reason\": \"基本完成\", \"by\": \"评价组\"}")
                .put("/api/v1/units/" + unit + "/years/2024/judgements/" + code + "/B1").then().statusCode(200);
        given().config(TestEvents.DECIMALS).get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                .body("result.systemCode", equalTo(code))
                .body("result.indicators.find { it.code == 'A1' }.points", equalTo(0))
                .body("result.indicators.find { it.code == 'A1' }.explanation", containsString("在区间 [110, +∞) 内"))
                .body("result.indicators.find { it.code == 'A2' }.points", equalTo(12))
                .body("result.indicators.find { it.code == 'A3' }.points", TestEvents.decimal("5.02"))
                .body("result.indicators.find { it.code == 'A4' }.points", equalTo(10))
                .body("result.indicators.find { it.code == 'A4' }.explanation", containsString("条件成立"))
                .body("total", TestEvents.decimal("57.02")).body("grade", equalTo("C")).body("complete", equalTo(true));

        // a new version assigned to the county rescores its unit-years at once
        given().contentType(ContentType.JSON).body(system(code, "basicActual / basicBudget * 100", "")
                        .replace("\"max\": null, \"maxInclusive\": false, \"points\": 0}", "\"max\": null, \"maxInclusive\": false, \"points\": 5}"))
                .post("/api/v1/systems/" + code + "/versions").then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"systemCode\": \"" + code + "\", \"systemVersion\": 2}")
                .put("/api/v1/counties/" + county + "/years/2024/assignment").then().statusCode(200).header("ETag", "\"2\"");
        given().config(TestEvents.DECIMALS).get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200)
                .body("result.systemVersion", equalTo(2))
                .body("result.indicators.find { it.code == 'A1' }.points", equalTo(5))
                .body("total", TestEvents.decimal("62.02")).body("grade", equalTo("C"));
        given().get("/api/v1/units/" + unit + "/years/2024/score/history").then().body("items.total", hasSize(3))
                .body("items.systemVersion", equalTo(List.of(1, 1, 2)));
        given().contentType(ContentType.JSON).body("{\"systemCode\": \"" + code + "\", \"systemVersion\": 9}")
                .put("/api/v1/counties/" + county + "/years/2024/assignment").then().statusCode(400).body("errors[0].field", equalTo("systemVersion"));
    }

    /**
     * self-evaluation-2020 holds version 1 (judged) and version 2 (from targets), both shipped, in every
     * database; seeding is idempotent, and a shipped version whose number an administrator's version
     * already holds (a database upgraded after such a version was added) is stored once as the next one.
     */
    @Test
    void shippedVersionsAreSeededOnceAndNeverOverAnAdministratorsVersion() throws Exception {
        given().get("/api/v1/systems/self-evaluation-2020/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2)))
                .body("items.shipped", equalTo(List.of(true, true)));
        given().get("/api/v1/systems/self-evaluation-2020/versions/1").then().statusCode(200)
                .body("groups[1].children[0].judged", equalTo(true));
        given().get("/api/v1/systems/self-evaluation-2020").then().statusCode(200)
                .body("version", equalTo(2))
                .body("groups[1].children[0].fromTargets.level1", equalTo("产出"))
                .body("groups[1].children[0].fromTargets.weights", equalTo("targetTable"))
                .body("groups[2].children[0].fromTargets.level1", equalTo("效益"))
                .body("groups[3].children[0].fromTargets.level1", equalTo("满意度"));

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String code = "seed-" + UUID.randomUUID().toString().substring(0, 8);
        // an administrator's version 1 of the code, then a shipped version 1 of it arrives with an upgrade
        given().contentType(ContentType.JSON).body(system(code, "basicActual / basicBudget * 100", "")).post("/api/v1/systems")
                .then().statusCode(201);
        cn.perfeval.scoring.domain.IndicatorSystem shipped = json.readValue(
                system(code, "projectActual / projectBudget * 100", ""), cn.perfeval.scoring.domain.IndicatorSystem.class)
                .withVersion(1);
        assertThat(catalog.seedVersion(shipped)).isEqualTo(2);
        assertThat(catalog.seedVersion(shipped)).isEqualTo(2);
        given().get("/api/v1/systems/" + code + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2)))
                .body("items.shipped", equalTo(List.of(false, true)));
        given().get("/api/v1/systems/" + code + "/versions/2").then().statusCode(200)
                .body("groups[0].children[0].formula", equalTo("projectActual / projectBudget * 100"));
        // a fresh code: its versions where they are numbered, once
        String fresh = "seed-" + UUID.randomUUID().toString().substring(0, 8);
        cn.perfeval.scoring.domain.IndicatorSystem v1 = json.readValue(system(fresh, "basicActual / basicBudget * 100", ""),
                cn.perfeval.scoring.domain.IndicatorSystem.class).withVersion(1);
        assertThat(catalog.seedVersion(v1)).isEqualTo(1);
        assertThat(catalog.seedVersion(v1.withVersion(2))).isEqualTo(2);
        assertThat(catalog.seedVersion(v1)).isEqualTo(1);
        given().get("/api/v1/systems/" + fresh + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2)));
    }

    @Test
    void aSystemScoringFromTargetsIsAcceptedThroughTheApi() {
        given().contentType(ContentType.JSON).body(Examples.SYSTEM_FROM_TARGETS.replace("demo-targets",
                        "targets-" + UUID.randomUUID().toString().substring(0, 8))).post("/api/v1/systems")
                .then().statusCode(201)
                .body("groups[1].children[0].fromTargets.weights", equalTo("targetTable"))
                .body("groups[2].children[0].fromTargets.weights", equalTo("even"));
        given().contentType(ContentType.JSON).body(system("bad-" + UUID.randomUUID().toString().substring(0, 8),
                        "basicActual / basicBudget * 100", "")
                        .replace("\"judged\": true", "\"fromTargets\": {\"level1\": \"投入\", \"weights\": \"even\"}"))
                .post("/api/v1/systems").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("groups[1].children[0].fromTargets.level1"))
                .body("errors[0].message", containsString("产出、效益、满意度"));
    }
}
