package cn.perfeval.report.api;

import cn.perfeval.report.support.Calls;
import cn.perfeval.testsupport.DevTokens;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import cn.perfeval.platform.security.VerifiedTokenCache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.perfeval.report.support.Calls.TOKENS;
import static cn.perfeval.report.support.Calls.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a token can be wrong gets 401 problem+json with {@code WWW-Authenticate: Bearer}, on
 * every endpoint and whatever format was asked for; the operational endpoints stay open.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class AuthenticationTest {

    static Map<String, String> badTokens() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("none", null);
        t.put("malformed", "not-a-jwt");
        t.put("three garbage parts", "abc.def.ghi");
        t.put("expired", TOKENS.token("admin", "admin", null, null, DevTokens.ISSUER, Duration.ofMinutes(-10)));
        t.put("signed by another key", DevTokens.generate().admin());
        t.put("foreign issuer", TOKENS.token("admin", "admin", null, null, "https://idp.elsewhere.example", Duration.ofHours(1)));
        String claims = "{\"iss\":\"" + DevTokens.ISSUER + "\",\"sub\":\"admin\",\"upn\":\"admin\",\"groups\":[\"admin\"],\"exp\":"
                + (System.currentTimeMillis() / 1000 + 3600) + "}";
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        t.put("alg none", url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".");
        String valid = TOKENS.admin();
        t.put("tampered claims", valid.substring(0, valid.indexOf('.') + 1)
                + url.encodeToString(claims.replace("\"admin\"]", "\"admin\",\"viewer\"]").getBytes(StandardCharsets.UTF_8))
                + valid.substring(valid.lastIndexOf('.')));
        return t;
    }

    /** method, path, Accept. */
    static final List<String[]> ENDPOINTS = List.of(
            new String[]{"GET", "/api/v1/units/114303210062309155/years/2024/report?format=json", "application/json"},
            new String[]{"GET", "/api/v1/units/114303210062309155/years/2024/report?format=docx", ReportResource.DOCX},
            new String[]{"GET", "/api/v1/units/114303210062309155/years/2024/report", ReportResource.PDF},
            new String[]{"GET", "/api/v1/units/114303210062309155/years/2024/report", "text/html"},
            new String[]{"GET", "/api/v1/units/114303210062309155/years/2024/narrative", "application/json"},
            new String[]{"PUT", "/api/v1/units/114303210062309155/years/2024/narrative", "application/json"},
            new String[]{"GET", "/api/v1/units/114303210062309155/years/2024/narrative/versions", "application/json"},
            new String[]{"GET", "/api/v1/units/114303210062309155/years/2024/narrative/versions/1", "application/json"},
            new String[]{"GET", "/api/v1/counties/湘潭县/years/2024/summary?format=xlsx", ReportResource.XLSX},
            new String[]{"GET", "/api/v1/audit", "application/json"},
            new String[]{"POST", "/api/v1/counties/湘潭县/years/2024/season/samples", "application/json"},
            new String[]{"GET", "/api/v1/counties/湘潭县/years/2024/season/samples", "application/json"},
            new String[]{"GET", "/api/v1/counties/湘潭县/years/2024/season/samples/1", "application/json"},
            new String[]{"GET", "/api/v1/counties/湘潭县/years/2024/season/overview", "application/json"},
            new String[]{"GET", "/api/v1/counties/湘潭县/years/2024/season/review-report?format=docx", ReportResource.DOCX});

    @Test
    void everyBadTokenIs401ProblemJsonOnEveryEndpoint() {
        int n = 0;
        for (Map.Entry<String, String> token : badTokens().entrySet()) {
            for (String[] e : ENDPOINTS) {
                var request = as(token.getValue()).accept(e[2]);
                Response r = e[0].equals("PUT")
                        ? request.contentType("application/json").body("{\"overview\": \"x\"}").put(e[1])
                        : e[0].equals("POST") ? request.contentType("application/json").body("{\"share\": 20}").post(e[1])
                        : request.get(e[1]);
                String what = token.getKey() + " " + e[0] + " " + e[1] + " (" + e[2] + ")";
                assertThat(r.statusCode()).as(what).isEqualTo(401);
                assertThat(r.contentType()).as(what).startsWith("application/problem+json");
                assertThat(r.header("WWW-Authenticate")).as(what).isEqualTo("Bearer");
                assertThat(r.jsonPath().getString("type")).as(what).isEqualTo("/problems/unauthorized");
                assertThat(r.jsonPath().getInt("status")).as(what).isEqualTo(401);
                n++;
            }
        }
        System.out.println("AuthenticationTest: " + n + " requests with a missing or invalid token, all 401");
    }

    @Test
    void operationalEndpointsStayOpen() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/openapi", "/q/swagger-ui/", "/q/metrics")) {
            assertThat(given().get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void openApiDeclaresTheBearerSchemeAnd401And403OnEveryOperation() {
        Map<String, Object> doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("securitySchemes");
        assertThat(schemes).containsKey("bearer");
        assertThat(schemes.get("bearer").toString()).contains("http").contains("bearer").contains("JWT");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) doc.get("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) op.getValue().get("responses");
                assertThat(responses).as(op.getKey() + " " + path.getKey()).containsKeys("401", "403");
                assertThat(op.getValue().get("security").toString()).as(op.getKey() + " " + path.getKey()).contains("bearer");
                operations++;
            }
        }
        assertThat(operations).isEqualTo(28); // the report, narrative (4), summary, monitoring (6), season (10), season review (5) and the audit trail
    }

    @Test
    void aValidTokenIsAccepted() {
        Calls.asAdmin().get("/api/v1/units/114303210062309155/years/2024/narrative/versions").then().statusCode(200);
    }

    @Inject
    JWTCallerPrincipalFactory tokenVerifier;

    /** The services verify tokens through the verified-token cache of libs/platform (docs/security.md). */
    @Test
    void aVerifiedTokenIsRememberedOnceAndAForgedOneNever() {
        assertThat(tokenVerifier).isInstanceOf(VerifiedTokenCache.class);
        VerifiedTokenCache cache = (VerifiedTokenCache) tokenVerifier;
        String token = TOKENS.admin();
        int before = cache.size();
        as(token).get("/api/v1/audit").then().statusCode(200);
        as(token).get("/api/v1/audit").then().statusCode(200);
        assertThat(cache.size()).isEqualTo(before + 1);

        String foreign = badTokens().get("signed by another key");
        as(foreign).get("/api/v1/audit").then().statusCode(401);
        as(foreign).get("/api/v1/audit").then().statusCode(401);
        assertThat(cache.size()).isEqualTo(before + 1);
    }
}
