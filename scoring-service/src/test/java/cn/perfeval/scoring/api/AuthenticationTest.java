package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.DevTokens;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Tokens that do not verify, claims that do not allow, the open endpoints, and how OpenAPI documents it. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class AuthenticationTest {

    static final DevTokens TOKENS = DevTokens.shared();

    @Test
    void tokensThatDoNotVerifyAreUnauthorized() {
        String valid = TOKENS.admin();
        String[] parts = valid.split("\\.");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("malformed", "not-a-jwt");
        bad.put("two parts", parts[0] + "." + parts[1]);
        bad.put("expired", TOKENS.token("admin", "admin", null, null, DevTokens.ISSUER, Duration.ofMinutes(-10)));
        bad.put("signed by another key", DevTokens.generate().admin());
        bad.put("foreign issuer", TOKENS.token("admin", "admin", null, null, "https://idp.elsewhere.example", Duration.ofHours(1)));
        bad.put("tampered claims", parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"iss\":\"https://idp.perfeval.local\",\"sub\":\"x\",\"groups\":[\"admin\"],\"exp\":9999999999}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2]);
        bad.put("alg none", parts[0].replace(parts[0], java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                + "." + parts[1] + ".");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            given().header("Authorization", "Bearer " + e.getValue()).get("/api/v1/systems").then()
                    .statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("/problems/unauthorized"))
                    .body("status", equalTo(401));
        }
        given().get("/api/v1/systems").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("type", equalTo("/problems/unauthorized"));
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/systems").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + valid).get("/api/v1/systems").then().statusCode(200);
    }

    @Test
    void claimsThatDoNotAllowAreForbidden() {
        String unit = TestEvents.newUnit();
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, "权限县", 1, TestEvents.GOLDEN_MEASURES));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", "Bearer " + TOKENS.viewer()).get("/api/v1/units/" + unit + "/years/2024/score")
                        .then().statusCode(200));
        // finance without unit, evaluator without county, an unknown role
        given().header("Authorization", "Bearer " + TOKENS.token("f", "finance", null, null))
                .get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden")).body("detail", containsString("unit 声明"));
        given().header("Authorization", "Bearer " + TOKENS.token("e", "evaluator", null, null))
                .get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(403).body("detail", containsString("county 声明"));
        given().header("Authorization", "Bearer " + TOKENS.token("e", "evaluator", null, null))
                .get("/api/v1/counties/权限县/years/2024/ranking").then().statusCode(403).body("detail", containsString("county 声明"));
        given().header("Authorization", "Bearer " + TOKENS.token("g", "guest", null, null))
                .get("/api/v1/systems").then().statusCode(403).body("detail",
                        equalTo("须具有管理员（admin）、财政（finance）、评价人员（evaluator）或查看者（viewer）之一的角色（令牌的角色为：guest）"));
        // the detail names what is required
        given().header("Authorization", "Bearer " + TOKENS.finance("431321001"))
                .get("/api/v1/units/431321002/years/2024/score").then().statusCode(403)
                .body("detail", equalTo("财政人员只能查看本单位的数据（令牌的单位为 431321001，请求的是 431321002）"));
        // another unit's existence is not revealed: the same answer for a unit that exists and one that does not
        String existing = given().header("Authorization", "Bearer " + TOKENS.finance("431321001"))
                .get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(403).extract().path("detail");
        String missing = given().header("Authorization", "Bearer " + TOKENS.finance("431321001"))
                .get("/api/v1/units/NOSUCHUNIT/years/2024/score").then().statusCode(403).extract().path("detail");
        assertThat(existing.replace(unit, "?")).isEqualTo(missing.replace("NOSUCHUNIT", "?"));
        // an evaluator is refused a unit whose county is not known to this service
        given().header("Authorization", "Bearer " + TOKENS.evaluator("权限县"))
                .get("/api/v1/units/NODATA1/years/2024/score").then().statusCode(403).body("detail", containsString("尚无预算数据"));
        given().header("Authorization", "Bearer " + TOKENS.evaluator("权限县")).contentType("application/json")
                .body("{\"points\": 4, \"reason\": \"r\", \"by\": \"e\"}")
                .put("/api/v1/units/NODATA1/years/2024/judgements/xiangtan-county/B1").then().statusCode(403);
        given().header("Authorization", "Bearer " + TOKENS.evaluator("权限县"))
                .get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200);
        // a unit's county is that of the unit-year: another year without data is refused
        given().header("Authorization", "Bearer " + TOKENS.evaluator("权限县"))
                .get("/api/v1/units/" + unit + "/years/2023/score").then().statusCode(403);
    }

    @Test
    void healthOpenApiSwaggerAndMetricsStayOpen() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        // an invalid token does not close them either
        given().header("Authorization", "Bearer not-a-jwt").get("/q/health").then().statusCode(200);
    }

    @Test
    void openApiDocumentsTheBearerSchemeAnd401And403OnEveryOperation() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(doc.getString("components.securitySchemes.bearer.type")).isEqualTo("http");
        assertThat(doc.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(doc.getString("components.securitySchemes.bearer.bearerFormat")).isEqualTo("JWT");
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                if (!java.util.Set.of("get", "put", "post", "delete").contains(op.getKey())) {
                    continue;
                }
                operations++;
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) op.getValue().get("responses");
                assertThat(responses).as(op.getKey() + " " + path.getKey()).containsKeys("401", "403");
                assertThat(op.getValue().get("security").toString()).as(op.getKey() + " " + path.getKey()).contains("bearer");
            }
        }
        assertThat(operations).isEqualTo(24);
        assertThat(paths).containsKey("/api/v1/audit");
    }
}
