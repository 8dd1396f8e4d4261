package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.DevTokens;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of scoring-service against every kind of caller (docs/security.md): the status
 * class of the answer, the problem+json of a refusal, and that a refused write changed nothing.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class AccessMatrixTest {

    /** The callers: no token, and the six kinds of token. */
    enum Who { NONE, ADMIN, FINANCE_OWN, FINANCE_OTHER, EVALUATOR_OWN, EVALUATOR_OTHER, VIEWER }

    /** What an operation answers a caller: 2xx, 401 or 403. */
    enum Outcome { OK, UNAUTHORIZED, FORBIDDEN }

    record Operation(String name, String method, Supplier<String> path, Supplier<String> body, boolean write,
                     Map<Who, Outcome> expected) {
    }

    static final DevTokens TOKENS = DevTokens.shared();
    static String unit;
    static String county;
    static String otherCounty;
    static String system;

    @BeforeEach
    void unitWithScoresJudgementsAndPublished() {
        if (unit != null) {
            return;
        }
        unit = TestEvents.newUnit();
        county = "矩阵县" + UUID.randomUUID().toString().substring(0, 6);
        otherCounty = "他县" + UUID.randomUUID().toString().substring(0, 6);
        system = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TOKENS.admin();
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, county, 1, TestEvents.GOLDEN_MEASURES));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                TestAuth.given(admin).get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200));
        TestAuth.given(admin).contentType(ContentType.JSON).body(judgement())
                .put("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/B1").then().statusCode(200);
        TestAuth.given(admin).contentType(ContentType.JSON).body(Examples.REVIEW_REQUEST)
                .put("/api/v1/units/" + unit + "/years/2024/reviews/xiangtan-county/D1").then().statusCode(200);
        TestAuth.given(admin).contentType(ContentType.JSON).body(Examples.PUBLISHED)
                .put("/api/v1/units/" + unit + "/years/2024/published").then().statusCode(200);
        TestAuth.given(admin).contentType(ContentType.JSON).body(system(system))
                .post("/api/v1/systems").then().statusCode(201);
    }

    static String judgement() {
        return "{\"points\": 4, \"reason\": \"管理制度较健全\", \"by\": \"评价组\"}";
    }

    static String system(String code) {
        return Examples.SYSTEM.replace("\"code\": \"demo-county\"", "\"code\": \"" + code + "\"");
    }

    static Map<Who, Outcome> expect(Outcome admin, Outcome financeOwn, Outcome financeOther, Outcome evaluatorOwn,
                                    Outcome evaluatorOther, Outcome viewer) {
        Map<Who, Outcome> m = new LinkedHashMap<>();
        m.put(Who.NONE, Outcome.UNAUTHORIZED);
        m.put(Who.ADMIN, admin);
        m.put(Who.FINANCE_OWN, financeOwn);
        m.put(Who.FINANCE_OTHER, financeOther);
        m.put(Who.EVALUATOR_OWN, evaluatorOwn);
        m.put(Who.EVALUATOR_OTHER, evaluatorOther);
        m.put(Who.VIEWER, viewer);
        return m;
    }

    static final Outcome OK = Outcome.OK;
    static final Outcome NO = Outcome.FORBIDDEN;

    static List<Operation> operations() {
        Map<Who, Outcome> everyone = expect(OK, OK, OK, OK, OK, OK);
        Map<Who, Outcome> adminOnly = expect(OK, NO, NO, NO, NO, NO);
        Map<Who, Outcome> readRule = expect(OK, OK, NO, OK, NO, OK);
        String u = "/api/v1/units/{u}/years/2024";
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation("list systems", "GET", () -> "/api/v1/systems", null, false, everyone));
        ops.add(new Operation("create a system", "POST", () -> "/api/v1/systems",
                () -> system("m-" + UUID.randomUUID().toString().substring(0, 8)), true, adminOnly));
        ops.add(new Operation("read a system", "GET", () -> "/api/v1/systems/xiangtan-county", null, false, everyone));
        ops.add(new Operation("list versions", "GET", () -> "/api/v1/systems/xiangtan-county/versions", null, false, everyone));
        ops.add(new Operation("add a version", "POST", () -> "/api/v1/systems/" + system + "/versions",
                () -> system(system), true, adminOnly));
        ops.add(new Operation("read a version", "GET", () -> "/api/v1/systems/xiangtan-county/versions/1", null, false, everyone));
        ops.add(new Operation("list measures", "GET", () -> "/api/v1/measures", null, false, everyone));
        ops.add(new Operation("assign a system", "PUT", () -> "/api/v1/counties/" + otherCounty + "/years/2024/assignment",
                () -> "{\"systemCode\": \"national-common\", \"systemVersion\": 1}", true, adminOnly));
        ops.add(new Operation("read an assignment", "GET", () -> "/api/v1/counties/" + county + "/years/2024/assignment", null, false, everyone));
        ops.add(new Operation("county ranking", "GET", () -> "/api/v1/counties/" + county + "/years/2024/ranking", null, false,
                expect(OK, NO, NO, OK, NO, OK)));
        ops.add(new Operation("current score", "GET", () -> "/api/v1/units/" + unit + "/years/2024/score", null, false, readRule));
        ops.add(new Operation("score history", "GET", () -> "/api/v1/units/" + unit + "/years/2024/score/history", null, false, readRule));
        ops.add(new Operation("write a judgement", "PUT", () -> u.replace("{u}", unit) + "/judgements/xiangtan-county/B1",
                AccessMatrixTest::judgement, true, expect(OK, OK, NO, OK, NO, NO)));
        ops.add(new Operation("current judgements", "GET", () -> u.replace("{u}", unit) + "/judgements/xiangtan-county",
                null, false, readRule));
        ops.add(new Operation("judgement history", "GET", () -> u.replace("{u}", unit) + "/judgements/xiangtan-county/B1/history",
                null, false, readRule));
        ops.add(new Operation("write a review", "PUT", () -> u.replace("{u}", unit) + "/reviews/xiangtan-county/D1",
                () -> Examples.REVIEW_REQUEST, true, expect(OK, NO, NO, OK, NO, NO)));
        ops.add(new Operation("read a review", "GET", () -> u.replace("{u}", unit) + "/reviews/xiangtan-county/D1",
                null, false, readRule));
        ops.add(new Operation("current reviews", "GET", () -> u.replace("{u}", unit) + "/reviews/xiangtan-county",
                null, false, readRule));
        ops.add(new Operation("review history", "GET", () -> u.replace("{u}", unit) + "/reviews/xiangtan-county/D1/history",
                null, false, readRule));
        ops.add(new Operation("record published scores", "PUT", () -> u.replace("{u}", unit) + "/published",
                () -> Examples.PUBLISHED, true, expect(OK, OK, NO, NO, NO, NO)));
        ops.add(new Operation("read published scores", "GET", () -> u.replace("{u}", unit) + "/published", null, false, readRule));
        ops.add(new Operation("inconsistencies", "GET", () -> u.replace("{u}", unit) + "/inconsistencies", null, false, readRule));
        ops.add(new Operation("audit trail", "GET", () -> "/api/v1/audit?unitCode=" + unit, null, false, adminOnly));
        return ops;
    }

    static RequestSpecification as(Who who) {
        RequestSpecification spec = given();
        String token = switch (who) {
            case NONE -> null;
            case ADMIN -> TOKENS.admin();
            case FINANCE_OWN -> TOKENS.finance(unit);
            case FINANCE_OTHER -> TOKENS.finance("X" + unit.substring(1));
            case EVALUATOR_OWN -> TOKENS.evaluator(county);
            case EVALUATOR_OTHER -> TOKENS.evaluator(otherCounty);
            case VIEWER -> TOKENS.viewer();
        };
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    /** What a refused write could have changed, read as admin. */
    static String state() {
        String admin = TOKENS.admin();
        return String.join("\n",
                TestAuth.given(admin).get("/api/v1/systems").then().statusCode(200).extract().body().asString(),
                TestAuth.given(admin).get("/api/v1/systems/" + system + "/versions").then().extract().body().asString(),
                TestAuth.given(admin).get("/api/v1/counties/" + otherCounty + "/years/2024/assignment").then().extract().body().asString(),
                TestAuth.given(admin).get("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/B1/history")
                        .then().extract().body().asString(),
                TestAuth.given(admin).get("/api/v1/units/" + unit + "/years/2024/reviews/xiangtan-county/D1/history")
                        .then().extract().body().asString(),
                TestAuth.given(admin).get("/api/v1/units/" + unit + "/years/2024/published").then().extract().body().asString(),
                TestAuth.given(admin).get("/api/v1/units/" + unit + "/years/2024/score/history").then().extract().body().asString(),
                TestAuth.given(admin).get("/api/v1/audit?size=1&unitCode=" + unit).then().extract().path("total").toString());
    }

    @Test
    void everyOperationForEveryCaller() {
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        int refusedWritesChecked = 0;
        for (Operation op : operations()) {
            for (Map.Entry<Who, Outcome> e : op.expected().entrySet()) {
                cases++;
                boolean refusedWrite = op.write() && e.getValue() != Outcome.OK;
                String before = refusedWrite ? state() : null;
                RequestSpecification request = as(e.getKey());
                if (op.method().equals("PUT")) {
                    // replacing what exists says which version it replaces (docs/api.md, the 428 rule)
                    String etag = TestAuth.given(TOKENS.admin()).get(op.path().get()).then().extract().header("ETag");
                    if (etag != null) {
                        request.header("If-Match", etag);
                    }
                }
                if (op.body() != null) {
                    request.contentType(ContentType.JSON).body(op.body().get());
                }
                Response r = request.request(op.method(), op.path().get());
                String what = op.name() + " (" + op.method() + " " + op.path().get() + ") as " + e.getKey();
                switch (e.getValue()) {
                    case OK -> {
                        if (r.statusCode() < 200 || r.statusCode() > 299) {
                            wrong.add(what + ": expected 2xx, got " + r.statusCode() + " " + r.body().asString());
                        }
                    }
                    case UNAUTHORIZED -> problem(wrong, what, r, 401, "/problems/unauthorized");
                    case FORBIDDEN -> problem(wrong, what, r, 403, "/problems/forbidden");
                }
                if (refusedWrite) {
                    refusedWritesChecked++;
                    String after = state();
                    if (!before.equals(after)) {
                        wrong.add(what + ": a refused write changed the stored data");
                    }
                }
            }
        }
        System.out.printf("AccessMatrixTest: %d operations x %d callers = %d cases, %d refused writes checked unchanged%n",
                operations().size(), Who.values().length, cases, refusedWritesChecked);
        assertThat(wrong).isEmpty();
        assertThat(cases).isEqualTo(23 * 7);
    }

    static void problem(List<String> wrong, String what, Response r, int status, String type) {
        if (r.statusCode() != status) {
            wrong.add(what + ": expected " + status + ", got " + r.statusCode() + " " + r.body().asString());
            return;
        }
        if (!String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            wrong.add(what + ": content type " + r.contentType());
        }
        if (!type.equals(r.jsonPath().getString("type")) || r.jsonPath().getInt("status") != status
                || r.jsonPath().getString("detail") == null) {
            wrong.add(what + ": body " + r.body().asString());
        }
        if (status == 401 && !"Bearer".equals(r.header("WWW-Authenticate"))) {
            wrong.add(what + ": WWW-Authenticate " + r.header("WWW-Authenticate"));
        }
    }
}
