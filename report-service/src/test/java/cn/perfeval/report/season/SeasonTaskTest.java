package cn.perfeval.report.season;

import cn.perfeval.report.support.MovableClock;
import cn.perfeval.report.support.Seasons;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.perfeval.report.support.Calls.TOKENS;
import static cn.perfeval.report.support.Calls.as;
import static cn.perfeval.report.support.Calls.asAdmin;
import static cn.perfeval.report.support.Seasons.act;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Seasons and tasks: opening a season, every action by every role (allowed and refused), wrong states, If-Match,
 * the audit trail and the TaskStateChanged events on Kafka, overdue tasks with a moved clock.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class SeasonTaskTest {

    @Test
    void openingASeasonCreatesATaskPerUnitOnceAndOnlyForAdmins() {
        String county = Seasons.newCounty();
        String a = "A" + cn.perfeval.report.support.GoldenCase.newUnit();
        String b = "B" + cn.perfeval.report.support.GoldenCase.newUnit();
        Seasons.unitWithData(a, county, Seasons.cleanBudget(a, 1, county), null);
        Seasons.unitWithData(b, county, Seasons.cleanBudget(b, 1, county), null);
        String path = "/api/v1/counties/{c}/years/2024/season";
        String body = "{\"systemCode\": \"xiangtan-county\", \"deadline\": \"2025-03-31\", \"deviationThreshold\": 5}";
        for (String token : List.of(TOKENS.viewer(), TOKENS.evaluator(county), TOKENS.finance(a))) {
            as(token).contentType("application/json").body(body).post(path, county).then().statusCode(403)
                    .body("detail", containsString("须为管理员"));
        }
        asAdmin().get(path, county).then().statusCode(404).body("detail", containsString("尚未开启自评季"));

        // without unitCodes: every unit of the county-year known from the budget events
        asAdmin().contentType("application/json").body(body).post(path, county).then().statusCode(201)
                .header("Location", containsString("/years/2024/season")).header("ETag", "\"1\"")
                .body("units", equalTo(2)).body("deviationThreshold", equalTo(5))
                .body("states.find { it.state == 'NOT_STARTED' }.count", equalTo(2))
                .body("states.size()", equalTo(7));
        asAdmin().contentType("application/json").body(body).post(path, county).then().statusCode(409)
                .body("detail", containsString("已经开启"));
        for (String token : List.of(TOKENS.admin(), TOKENS.viewer(), TOKENS.evaluator(county))) {
            as(token).get(path, county).then().statusCode(200).body("units", equalTo(2)).body("deadline", equalTo("2025-03-31"));
        }
        as(TOKENS.evaluator("别的县")).get(path, county).then().statusCode(403);
        as(TOKENS.finance(a)).get(path, county).then().statusCode(403);
        JsonPath tasks = asAdmin().get(path + "/tasks", county).then().statusCode(200).extract().jsonPath();
        assertThat(tasks.getList("items.unitCode")).containsExactly(a, b);
        assertThat(tasks.getList("items.stateLabel")).containsOnly("未开始");
        asAdmin().queryParam("state", "FILLING").get(path + "/tasks", county).then().statusCode(200).body("total", equalTo(0));

        // a unit of this county cannot be in a second season of the same year
        String other = Seasons.newCounty();
        asAdmin().contentType("application/json")
                .body("{\"systemCode\": \"xiangtan-county\", \"deadline\": \"2025-03-31\", \"deviationThreshold\": 5, \"unitCodes\": [\"" + a + "\"]}")
                .post(path, other).then().statusCode(409).body("detail", containsString(a));
        // a county without any budget data and no list of units
        asAdmin().contentType("application/json").body(body).post(path, Seasons.newCounty()).then().statusCode(400)
                .body("errors[0].field", equalTo("unitCodes"));

        List<JsonNode> events = Seasons.events(a, 1);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("action").asText()).isEqualTo("CREATED");
        assertThat(events.get(0).path("toState").asText()).isEqualTo("NOT_STARTED");
        assertThat(events.get(0).path("fromState").isNull()).isTrue();
        assertThat(events.get(0).path("taskVersion").asLong()).isEqualTo(1);
        assertThat(events.get(0).path("county").asText()).isEqualTo(county);
    }

    /**
     * The whole life of a task, each action tried first by every role that may not take it (403, nothing changes)
     * and then by the one that may; a return and a resubmission (numbered 2) on the way. Each step is in the audit
     * trail and on the topic.
     */
    @Test
    void everyActionByEveryRoleIsAllowedOnlyForItsRole() {
        String county = Seasons.newCounty();
        String unit = cn.perfeval.report.support.GoldenCase.newUnit();
        Seasons.unitWithData(unit, county, Seasons.cleanBudget(unit, 1, county), Seasons.score(unit, county));
        Seasons.open(county, Seasons.today().plusDays(30), unit);
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("admin", TOKENS.admin());
        roles.put("viewer", TOKENS.viewer());
        roles.put("finance", TOKENS.finance(unit));
        roles.put("finance-other", TOKENS.finance("X" + cn.perfeval.report.support.GoldenCase.newUnit()));
        roles.put("evaluator", TOKENS.evaluator(county));
        roles.put("evaluator-other", TOKENS.evaluator("别的县"));
        String[][] life = {
                {"START", "finance", "FILLING"},
                {"SUBMIT", "finance", "SUBMITTED"},
                {"REVIEW", "evaluator", "IN_REVIEW"},
                {"RETURN", "evaluator", "RETURNED"},
                {"SUBMIT", "finance", "SUBMITTED"},
                {"REVIEW", "evaluator", "IN_REVIEW"},
                {"APPROVE", "evaluator", "APPROVED"},
                {"PUBLISH", "admin", "PUBLISHED"}};
        for (String[] step : life) {
            String action = step[0];
            String comment = action.equals("RETURN") ? "指标B2的佐证材料不足，请补充" : null;
            for (Map.Entry<String, String> role : roles.entrySet()) {
                if (role.getKey().equals(step[1])) {
                    continue;
                }
                long before = Seasons.version(unit);
                act(role.getValue(), unit, action, comment).statusCode(403).body("detail", org.hamcrest.Matchers.anyOf(containsString("须由"), containsString("只能")));
                assertThat(Seasons.version(unit)).as(action + " by " + role.getKey()).isEqualTo(before);
            }
            act(roles.get(step[1]), unit, action, comment).statusCode(200).header("ETag", org.hamcrest.Matchers.notNullValue())
                    .body("state", equalTo(step[2]));
        }
        JsonPath task = asAdmin().get("/api/v1/units/{u}/years/2024/task", unit).then().statusCode(200)
                .header("ETag", "\"9\"").extract().jsonPath();
        assertThat(task.getString("stateLabel")).isEqualTo("已公开");
        assertThat(task.getInt("submissions")).isEqualTo(2);
        assertThat(task.getList("transitions.action")).containsExactly("START", "SUBMIT", "REVIEW", "RETURN", "SUBMIT",
                "REVIEW", "APPROVE", "PUBLISH");
        assertThat(task.getList("transitions.submissionNumber")).containsExactly(null, 1, null, null, 2, null, null, null);
        assertThat(task.getList("transitions.role")).containsExactly("finance", "finance", "evaluator", "evaluator",
                "finance", "evaluator", "evaluator", "admin");
        assertThat(task.getList("comments.comment")).containsExactly("指标B2的佐证材料不足，请补充");
        assertThat(task.getList("allowedActions")).isEmpty();

        // resubmission: number 2, while number 1 stays
        JsonPath subs = asAdmin().get("/api/v1/units/{u}/years/2024/submissions", unit).then().statusCode(200).extract().jsonPath();
        assertThat(subs.getList("items.number")).containsExactly(1, 2);
        assertThat(subs.getList("items.submittedBy")).containsOnly("finance-" + unit);

        JsonPath audit = asAdmin().queryParam("unitCode", unit).queryParam("size", 200).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath();
        List<String> actions = audit.getList("items.action");
        assertThat(actions.stream().filter(a -> a.startsWith("task.")).toList()).containsExactly("task.publish",
                "task.approve", "task.review", "task.submit", "task.return", "task.review", "task.submit", "task.start");

        List<JsonNode> events = Seasons.events(unit, 9);
        assertThat(events.stream().map(e -> e.path("action").asText())).containsExactly("CREATED", "START", "SUBMIT",
                "REVIEW", "RETURN", "SUBMIT", "REVIEW", "APPROVE", "PUBLISH");
        assertThat(events.stream().map(e -> e.path("taskVersion").asLong())).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        JsonNode returned = events.get(4);
        assertThat(returned.path("fromState").asText()).isEqualTo("IN_REVIEW");
        assertThat(returned.path("toStateLabel").asText()).isEqualTo("已退回");
        assertThat(returned.path("comment").asText()).isEqualTo("指标B2的佐证材料不足，请补充");
        assertThat(returned.path("actor").asText()).isEqualTo("evaluator");
        assertThat(returned.path("role").asText()).isEqualTo("evaluator");
        assertThat(events.get(5).path("submissionNumber").asInt()).isEqualTo(2);
        assertThat(events.get(5).path("unitName").asText()).isEqualTo(Seasons.NAME);
    }

    @Test
    void wrongStatesIfMatchAndAReturnWithoutCommentAreRefusedAndChangeNothing() {
        String county = Seasons.newCounty();
        String unit = cn.perfeval.report.support.GoldenCase.newUnit();
        Seasons.unitWithData(unit, county, Seasons.cleanBudget(unit, 1, county), Seasons.score(unit, county));
        Seasons.open(county, Seasons.today().plusDays(30), unit);
        String finance = Seasons.finance(unit);
        String evaluator = Seasons.evaluator(county);
        act(finance, unit, "SUBMIT", null).statusCode(409).body("detail", containsString("未开始"))
                .body("detail", containsString("开始填报"));
        act(evaluator, unit, "REVIEW", null).statusCode(409).body("detail", containsString("未开始"));
        act(TOKENS.admin(), unit, "PUBLISH", null).statusCode(409);
        String path = "/api/v1/units/{u}/years/2024/task/transitions";
        as(finance).contentType("application/json").body("{\"action\": \"START\"}").post(path, unit).then().statusCode(428)
                .body("detail", containsString("If-Match"));
        as(finance).contentType("application/json").header("If-Match", "\"7\"").body("{\"action\": \"START\"}")
                .post(path, unit).then().statusCode(412).body("detail", containsString("当前版本为 1"));
        as(finance).contentType("application/json").header("If-Match", "\"1\"").body("{\"action\": \"FINISH\"}")
                .post(path, unit).then().statusCode(400);
        assertThat(Seasons.version(unit)).isEqualTo(1);
        act(finance, unit, "START", null).statusCode(200).body("allowedActions.action", equalTo(List.of("SUBMIT")));
        act(finance, unit, "START", null).statusCode(409).body("detail", containsString("填报中"));
        act(finance, unit, "SUBMIT", null).statusCode(200);
        act(evaluator, unit, "APPROVE", null).statusCode(409).body("detail", containsString("已提交"));
        as(evaluator).get("/api/v1/units/{u}/years/2024/task", unit).then().statusCode(200)
                .body("allowedActions.action", equalTo(List.of("REVIEW")));
        act(evaluator, unit, "REVIEW", null).statusCode(200);
        act(evaluator, unit, "RETURN", null).statusCode(400).body("errors[0].field", equalTo("comment"));
        act(evaluator, unit, "RETURN", "  ").statusCode(400);
        asAdmin().get("/api/v1/units/{u}/years/2024/task", unit).then().body("state", equalTo("IN_REVIEW"))
                .body("allowedActions", equalTo(List.of()));
        asAdmin().get("/api/v1/units/{u}/years/2024/task", "N" + cn.perfeval.report.support.GoldenCase.newUnit())
                .then().statusCode(404).body("detail", containsString("没有自评任务"));
    }

    @Test
    void aTaskIsOverdueOnceTheClockPassesTheDeadlineUntilItIsSubmitted() {
        String county = Seasons.newCounty();
        String unit = cn.perfeval.report.support.GoldenCase.newUnit();
        Seasons.unitWithData(unit, county, Seasons.cleanBudget(unit, 1, county), Seasons.score(unit, county));
        Seasons.open(county, Seasons.today(), unit);
        String task = "/api/v1/units/{u}/years/2024/task";
        String season = "/api/v1/counties/{c}/years/2024/season";
        asAdmin().get(task, unit).then().body("overdue", equalTo(false)).body("overdueDays", equalTo(0));
        try {
            MovableClock.move(Duration.ofDays(3));
            asAdmin().get(task, unit).then().body("overdue", equalTo(true)).body("overdueDays", equalTo(3));
            asAdmin().get(season, county).then().body("overdue", equalTo(1));
            asAdmin().queryParam("overdue", true).get(season + "/tasks", county).then().body("items.unitCode", equalTo(List.of(unit)));
            asAdmin().queryParam("overdue", false).get(season + "/tasks", county).then().body("total", equalTo(0));
            act(Seasons.finance(unit), unit, "START", null).statusCode(200).body("overdue", equalTo(true));
            act(Seasons.finance(unit), unit, "SUBMIT", null).statusCode(200).body("overdue", equalTo(false))
                    .body("overdueDays", equalTo(0));
            asAdmin().get(season, county).then().body("overdue", equalTo(0));
        } finally {
            MovableClock.reset();
        }
    }

    /**
     * A county that moves its deadline: only admin, with the season's version as If-Match; the new deadline counts
     * at once for the overdue tasks, the threshold for what follows; the change is in the audit trail.
     */
    @Test
    void movingTheDeadlineChangesWhoIsOverdueAndNeedsTheSeasonsVersion() {
        String county = Seasons.newCounty();
        String unit = cn.perfeval.report.support.GoldenCase.newUnit();
        Seasons.unitWithData(unit, county, Seasons.cleanBudget(unit, 1, county), Seasons.score(unit, county));
        Seasons.open(county, Seasons.today().minusDays(2), unit);
        String season = "/api/v1/counties/{c}/years/2024/season";
        String later = Seasons.today().plusDays(10).toString();
        String body = "{\"deadline\": \"" + later + "\", \"deviationThreshold\": 3.5}";
        asAdmin().get(season, county).then().statusCode(200).header("ETag", "\"1\"").body("overdue", equalTo(1));

        for (String token : List.of(TOKENS.viewer(), TOKENS.evaluator(county), TOKENS.finance(unit))) {
            as(token).contentType("application/json").header("If-Match", "\"1\"").body(body)
                    .put(season + "/settings", county).then().statusCode(403).body("detail", containsString("须为管理员（admin）"));
        }
        asAdmin().contentType("application/json").body(body).put(season + "/settings", county).then().statusCode(428)
                .body("detail", containsString("If-Match"));
        asAdmin().contentType("application/json").header("If-Match", "\"7\"").body(body).put(season + "/settings", county)
                .then().statusCode(412).body("detail", containsString("当前版本为 1"));
        asAdmin().contentType("application/json").header("If-Match", "\"1\"")
                .body("{\"deadline\": \"明天\", \"deviationThreshold\": 0}").put(season + "/settings", county)
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("deadline"));
        asAdmin().contentType("application/json").header("If-Match", "\"1\"").body(body)
                .put(season + "/settings", "没有自评季的县").then().statusCode(404);
        // nothing refused changed anything
        asAdmin().get(season, county).then().header("ETag", "\"1\"").body("overdue", equalTo(1))
                .body("deadline", equalTo(Seasons.today().minusDays(2).toString()));

        asAdmin().contentType("application/json").header("If-Match", "\"1\"").body(body).put(season + "/settings", county)
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2)).body("deadline", equalTo(later))
                .body("deviationThreshold", equalTo(3.5f)).body("overdue", equalTo(0)).body("systemCode", equalTo("xiangtan-county"));
        asAdmin().get("/api/v1/units/{u}/years/2024/task", unit).then().body("overdue", equalTo(false))
                .body("deadline", equalTo(later));
        asAdmin().queryParam("overdue", true).get(season + "/tasks", county).then().body("total", equalTo(0));
        asAdmin().get(season + "/overview", county).then().statusCode(200).body("deviationThreshold", equalTo(3.5f));
        JsonPath audit = asAdmin().queryParam("size", 200).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> updates = audit.getList("items.findAll { it.action == 'season.update' && it.target == 'season:" + county + "' }");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).get("before").toString()).contains("deadline=" + Seasons.today().minusDays(2));
        assertThat(updates.get(0).get("after").toString()).contains("deadline=" + later).contains("deviationThreshold=3.5");
    }
}
