package cn.perfeval.report.api;

import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static cn.perfeval.report.support.Calls.TOKENS;
import static cn.perfeval.report.support.Calls.as;
import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The monitoring settings of a county-year: defaults, admin writes with If-Match, refusals naming the field, audit. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class MonitoringSettingsTest {

    static final String PATH = "/api/v1/counties/{county}/years/{year}/monitoring-settings";

    @Test
    void defaultsThenSavedVersionsWithIfMatch() {
        String county = "监控县" + UUID.randomUUID().toString().substring(0, 6);
        String admin = TOKENS.token("admin-" + county, "admin", null, null);
        as(admin).get(PATH, county, 2024).then().statusCode(200).header("ETag", "\"0\"")
                .body("defaulted", equalTo(true)).body("version", equalTo(0))
                .body("executionGapThreshold", equalTo(10)).body("targetGapThreshold", equalTo(20))
                .body("schedule", nullValue());

        String schedule = "[5, 12, 20, 28, 36, 45, 52, 60, 70, 80, 90, 100]";
        as(admin).contentType("application/json").body("{\"executionGapThreshold\": 8.5, \"targetGapThreshold\": 15, \"schedule\": "
                        + schedule + "}").put(PATH, county, 2024)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1)).body("defaulted", equalTo(false))
                .body("executionGapThreshold", equalTo(8.5f)).body("schedule[6]", equalTo(52));
        // once they exist: If-Match required, a stale one refused, the right one accepted
        as(admin).contentType("application/json").body("{\"executionGapThreshold\": 10, \"targetGapThreshold\": 20}")
                .put(PATH, county, 2024).then().statusCode(428).body("detail", containsString("If-Match"));
        as(admin).contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"executionGapThreshold\": 10, \"targetGapThreshold\": 20}").put(PATH, county, 2024).then().statusCode(412);
        as(admin).contentType("application/json").header("If-Match", "\"1\"")
                .body("{\"executionGapThreshold\": 10, \"targetGapThreshold\": 20}").put(PATH, county, 2024)
                .then().statusCode(200).header("ETag", "\"2\"").body("schedule", nullValue());
        asAdmin().get(PATH, county, 2024).then().statusCode(200).body("version", equalTo(2)).body("executionGapThreshold", equalTo(10))
                .body("updatedBy", equalTo("admin-" + county));
        // another year of the same county is its own resource
        asAdmin().get(PATH, county, 2025).then().statusCode(200).body("defaulted", equalTo(true));

        JsonPath audit = asAdmin().queryParam("actor", "admin-" + county).get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getInt("total")).isEqualTo(2);
        assertThat(audit.getList("items.action")).containsOnly("monitoring-settings.save");
        assertThat(audit.getList("items.target")).containsOnly("monitoring-settings:" + county);
        assertThat(audit.getString("items[0].before.executionGapThreshold")).isEqualTo("8.5");
        assertThat(audit.getString("items[0].after.executionGapThreshold")).isEqualTo("10");
        assertThat(audit.<Object>get("items[1].before")).isNull();
    }

    @Test
    void refusalsNameTheField() {
        String county = "监控县" + UUID.randomUUID().toString().substring(0, 6);
        refused(county, "{\"executionGapThreshold\": -1, \"targetGapThreshold\": 20}", "executionGapThreshold");
        refused(county, "{\"executionGapThreshold\": 10, \"targetGapThreshold\": 100.5}", "targetGapThreshold");
        refused(county, "{\"targetGapThreshold\": 20}", "executionGapThreshold");
        refused(county, "{\"executionGapThreshold\": 10.123, \"targetGapThreshold\": 20}", "executionGapThreshold");
        refused(county, "{\"executionGapThreshold\": 10, \"targetGapThreshold\": 20, \"schedule\": [10, 20, 100]}", "schedule");
        refused(county, "{\"executionGapThreshold\": 10, \"targetGapThreshold\": 20, \"schedule\": "
                + "[5, 12, 20, 28, 36, 30, 52, 60, 70, 80, 90, 100]}", "schedule[5]");
        refused(county, "{\"executionGapThreshold\": 10, \"targetGapThreshold\": 20, \"schedule\": "
                + "[5, 12, 20, 28, 36, 45, 52, 60, 70, 80, 90, 95]}", "schedule[11]");
        refused(county, "{\"executionGapThreshold\": \"10\", \"targetGapThreshold\": 20}", "executionGapThreshold");
        asAdmin().get(PATH, county, 2024).then().statusCode(200).body("defaulted", equalTo(true));
    }

    @Test
    void adminWritesCountyReadersRead() {
        String unit = GoldenCase.newUnit();
        String county = "监控县" + UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"executionGapThreshold\": 10, \"targetGapThreshold\": 20}";
        for (String token : new String[]{TOKENS.viewer(), TOKENS.evaluator(county), TOKENS.finance(unit)}) {
            as(token).contentType("application/json").body(body).put(PATH, county, 2024).then().statusCode(403)
                    .body("detail", containsString("管理员"));
        }
        as(TOKENS.viewer()).get(PATH, county, 2024).then().statusCode(200);
        as(TOKENS.evaluator(county)).get(PATH, county, 2024).then().statusCode(200);
        as(TOKENS.evaluator("别的县")).get(PATH, county, 2024).then().statusCode(403);
        as(TOKENS.finance(unit)).get(PATH, county, 2024).then().statusCode(403);
        as(null).get(PATH, county, 2024).then().statusCode(401);
        asAdmin().get(PATH, county, 2024).then().statusCode(200).body("version", equalTo(0));
    }

    private static void refused(String county, String body, String field) {
        asAdmin().contentType("application/json").body(body).put(PATH, county, 2024).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
