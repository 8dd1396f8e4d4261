package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.DevTokens;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Every change leaves one audit entry, written with the change, listed newest first to admins. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class AuditTrailTest {

    static final DevTokens TOKENS = DevTokens.shared();

    static JsonPath audit(String query) {
        return TestAuth.given(TOKENS.admin()).config(TestEvents.DECIMALS).get("/api/v1/audit?" + query).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void eventsJudgementsPublishedScoresSystemsAndAssignmentsAreAudited() {
        String unit = TestEvents.newUnit();
        String county = "审计县" + UUID.randomUUID().toString().substring(0, 6);
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, county, 1, TestEvents.GOLDEN_MEASURES));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                TestAuth.given(TOKENS.admin()).get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200));

        // the recomputation driven by the event
        JsonPath recomputed = audit("unitCode=" + unit + "&year=2024");
        assertThat(recomputed.getInt("total")).isEqualTo(1);
        assertThat(recomputed.getString("items[0].actor")).isEqualTo("system:budget-events");
        assertThat(recomputed.getList("items[0].roles")).containsExactly("system");
        assertThat(recomputed.getString("items[0].action")).isEqualTo("score.recomputed");
        assertThat(recomputed.getString("items[0].target")).isEqualTo("score:xiangtan-county");
        assertThat(recomputed.getString("items[0].before")).isNull();
        assertThat(recomputed.getInt("items[0].after.version")).isEqualTo(1);
        assertThat(recomputed.getInt("items[0].after.budgetVersion")).isEqualTo(1);
        String total = TestAuth.given(TOKENS.admin()).get("/api/v1/units/" + unit + "/years/2024/score").then().extract().path("total").toString();
        assertThat(recomputed.getString("items[0].after.total")).isEqualTo(total);

        // two judgements by an evaluator of the county: the second has the first as "before"
        String evaluator = TOKENS.evaluator(county);
        for (String points : new String[]{"3", "4"}) {
            var request = TestAuth.given(evaluator);
            if (points.equals("4")) {
                request.header("If-Match", "\"1\""); // the second replaces the first, and says so
            }
            request.contentType(ContentType.JSON)
                    .body("{\"points\": " + points + ", \"reason\": \"制度较健全\", \"by\": \"评价组 李明\"}")
                    .put("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/B1").then().statusCode(200);
        }
        JsonPath judged = audit("unitCode=" + unit + "&actor=evaluator");
        assertThat(judged.getInt("total")).isEqualTo(2);
        assertThat(judged.getList("items.action")).containsOnly("judgement.recorded");
        assertThat(judged.getList("items[0].roles")).containsExactly("evaluator");
        assertThat(judged.getString("items[0].target")).isEqualTo("judgement:xiangtan-county/B1");
        assertThat(judged.getInt("items[0].after.points")).isEqualTo(4);
        assertThat(judged.getInt("items[0].before.points")).isEqualTo(3);
        assertThat(judged.getString("items[1].before")).isNull();
        assertThat(judged.getInt("items[0].after.score.version")).isEqualTo(3);

        // published scores recorded by the unit's finance staff
        TestAuth.given(TOKENS.finance(unit)).contentType(ContentType.JSON).body(Examples.PUBLISHED)
                .put("/api/v1/units/" + unit + "/years/2024/published").then().statusCode(200);
        JsonPath published = audit("unitCode=" + unit + "&actor=finance-" + unit);
        assertThat(published.getString("items[0].action")).isEqualTo("published.recorded");
        assertThat(published.getString("items[0].after.published.grade")).isEqualTo("良");

        // newest first over everything of the unit, one page at a time
        JsonPath all = audit("unitCode=" + unit + "&year=2024");
        assertThat(all.getInt("total")).isEqualTo(4);
        assertThat(all.getList("items.action")).containsExactly("published.recorded", "judgement.recorded",
                "judgement.recorded", "score.recomputed");
        assertThat(audit("unitCode=" + unit + "&size=1&page=1").getList("items.id"))
                .containsExactly(all.getList("items.id").get(1));

        // a new system, a version and an assignment, by admin
        String code = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        TestAuth.given(TOKENS.admin()).contentType(ContentType.JSON).body(AccessMatrixTest.system(code)).post("/api/v1/systems")
                .then().statusCode(201);
        TestAuth.given(TOKENS.admin()).contentType(ContentType.JSON).body(AccessMatrixTest.system(code))
                .post("/api/v1/systems/" + code + "/versions").then().statusCode(201);
        TestAuth.given(TOKENS.admin()).contentType(ContentType.JSON).body("{\"systemCode\": \"" + code + "\", \"systemVersion\": 2}")
                .put("/api/v1/counties/" + county + "/years/2024/assignment").then().statusCode(200);
        JsonPath admin = audit("actor=admin&size=20");
        List<String> targets = admin.getList("items.target");
        assertThat(targets).containsSubsequence("assignment:" + county, "system:" + code + "/v2", "system:" + code + "/v1");
        int assigned = targets.indexOf("assignment:" + county);
        assertThat(admin.getList("items[" + assigned + "].after.rescoredUnits")).containsExactly(unit);
        assertThat(admin.getInt("items[" + targets.indexOf("system:" + code + "/v2") + "].before.version")).isEqualTo(1);
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        String unit = TestEvents.newUnit();
        int before = audit("actor=admin&size=1").getInt("total");
        TestAuth.given(TOKENS.admin()).contentType(ContentType.JSON).body("{\"points\": 99, \"reason\": \"r\", \"by\": \"e\"}")
                .put("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/B1").then().statusCode(400);
        TestAuth.given(TOKENS.admin()).contentType(ContentType.JSON).body("{\"systemCode\": \"nope\", \"systemVersion\": 1}")
                .put("/api/v1/counties/无县/years/2024/assignment").then().statusCode(400);
        assertThat(audit("unitCode=" + unit).getInt("total")).isZero();
        assertThat(audit("actor=admin&size=1").getInt("total")).isEqualTo(before);
    }

    @Test
    void filtersAreValidated() {
        TestAuth.given(TOKENS.admin()).get("/api/v1/audit?size=5000").then().statusCode(400).contentType("application/problem+json");
        TestAuth.given(TOKENS.admin()).get("/api/v1/audit?year=1800").then().statusCode(400);
        TestAuth.given(TOKENS.admin()).get("/api/v1/audit?unitCode=not%20a%20unit").then().statusCode(400);
        TestAuth.given(TOKENS.admin()).get("/api/v1/audit?page=-1").then().statusCode(400).body("status", equalTo(400));
    }
}
