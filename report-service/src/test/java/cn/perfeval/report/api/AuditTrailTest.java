package cn.perfeval.report.api;

import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static cn.perfeval.report.support.Calls.TOKENS;
import static cn.perfeval.report.support.Calls.as;
import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Narrative saves and event-driven read-model updates leave audit rows; only admins read them. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class AuditTrailTest {

    @Test
    void narrativeSavesAreAuditedWithBeforeAndAfter() {
        String unit = GoldenCase.newUnit();
        String path = "/api/v1/units/" + unit + "/years/2024/narrative";
        String finance = TOKENS.finance(unit);
        as(finance).contentType("application/json").body("{\"overview\": \"初稿\"}").put(path).then().statusCode(200);
        as(finance).contentType("application/json").header("If-Match", "\"1\"").body("{\"overview\": \"定稿\", \"issuer\": \"某镇\"}")
                .put(path).then().statusCode(200);
        // refused and failed saves leave no row: another unit's finance user, a stale If-Match
        as(TOKENS.finance(GoldenCase.newUnit())).contentType("application/json").body("{\"overview\": \"x\"}").put(path)
                .then().statusCode(403);
        as(finance).contentType("application/json").header("If-Match", "\"1\"").body("{\"overview\": \"x\"}").put(path)
                .then().statusCode(412);

        JsonPath page = asAdmin().queryParam("unitCode", unit).get("/api/v1/audit").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(page.getInt("total")).isEqualTo(2);
        assertThat(page.getList("items.target")).containsExactly("narrative v2", "narrative v1");
        assertThat(page.getList("items.action")).containsOnly("narrative.save");
        assertThat(page.getList("items.actor")).containsOnly("finance-" + unit);
        assertThat(page.getList("items.roles")).containsOnly(List.of("finance"));
        assertThat(page.getList("items.year")).containsOnly(2024);
        assertThat(page.getString("items[0].before.overview")).isEqualTo("初稿");
        assertThat(page.getString("items[0].after.overview")).isEqualTo("定稿");
        assertThat(page.getString("items[0].after.issuer")).isEqualTo("某镇");
        assertThat(page.<Object>get("items[1].before")).isNull();
        assertThat(page.getString("items[1].after.overview")).isEqualTo("初稿");

        // paging and filters
        asAdmin().queryParam("unitCode", unit).queryParam("size", 1).queryParam("page", 1).get("/api/v1/audit").then()
                .statusCode(200).body("total", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].target", equalTo("narrative v1"));
        asAdmin().queryParam("unitCode", unit).queryParam("year", 2023).get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(0));
        asAdmin().queryParam("actor", "finance-" + unit).get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(2));
        asAdmin().queryParam("size", 0).get("/api/v1/audit").then().statusCode(400).contentType("application/problem+json");
        asAdmin().queryParam("unitCode", "x' OR 1=1 --").get("/api/v1/audit").then().statusCode(400);
    }

    @Test
    void readModelUpdatesFromEventsAreAuditedAsTheSystem() {
        String unit = GoldenCase.newUnit();
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 2));
        GoldenCase.send("score-events", unit + ":2024", GoldenCase.scoreEvent(unit, 1, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("unitCode", unit).get("/api/v1/audit").then().statusCode(200).body("total", equalTo(3)));
        // a redelivered (not newer) event changes nothing and so writes nothing
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        String marker = GoldenCase.newUnit();
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(marker, 1)); // same partition, after it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("unitCode", marker).get("/api/v1/audit").then().body("total", equalTo(1)));

        JsonPath page = asAdmin().queryParam("unitCode", unit).get("/api/v1/audit").then().extract().jsonPath();
        assertThat(page.getInt("total")).isEqualTo(3);
        List<String> actors = page.getList("items.actor");
        assertThat(actors).containsExactlyInAnyOrder("system:budget-events", "system:budget-events", "system:score-events");
        int budgetV2 = page.getList("items.target").indexOf("budget_view");
        assertThat(page.getInt("items[" + budgetV2 + "].after.version")).isEqualTo(2);
        assertThat(page.getInt("items[" + budgetV2 + "].before.version")).isEqualTo(1);
        assertThat(page.getString("items[" + budgetV2 + "].after.county")).isEqualTo("湘潭县");
        int score = page.getList("items.target").indexOf("score_view:xiangtan-county");
        assertThat(page.getString("items[" + score + "].action")).isEqualTo("score.apply");
        assertThat(page.getInt("items[" + score + "].after.total")).isEqualTo(93);
        assertThat(page.getString("items[" + score + "].after.grade")).isEqualTo("优");
        // small: an identity and a summary, not the event
        assertThat(page.getMap("items[" + budgetV2 + "].after")).doesNotContainKeys("tables", "measures", "findings");
    }

    @Test
    void onlyAdminsReadTheTrail() {
        for (String[] token : List.of(new String[]{TOKENS.viewer(), "查看者（viewer）"},
                new String[]{TOKENS.evaluator("湘潭县"), "评价人员（evaluator）"},
                new String[]{TOKENS.finance("114303210062309155"), "财政（finance）"})) {
            as(token[0]).get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo("审计记录仅限管理员（admin）查看；令牌的角色为：" + token[1]));
        }
        as(null).get("/api/v1/audit").then().statusCode(401);
    }
}
