package cn.perfeval.budget.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.budget.Golden;
import cn.perfeval.budget.TestAuth;
import cn.perfeval.testsupport.DevTokens;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matrix of docs/security.md, cell by cell: every operation of budget-service × every kind of
 * caller. Each cell asserts the status class, problem+json for 401/403, and that a refused write
 * changed nothing (the unit, the unit-year and the audit trail read the same before and after).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class AccessMatrixTest {

    enum Kind { READ_UNIT, LIST, CATALOGUE, AUDIT, WRITE_BUDGET, WRITE_UNIT }

    enum Outcome { OK, UNAUTHORIZED, FORBIDDEN }

    record Endpoint(String name, Kind kind, String method, String path, String contentType, Object body) {
    }

    record Role(String name, String token) {
    }

    static final int YEAR = 2024;

    /** What the matrix of docs/security.md says; {@code own} = the unit / county of the token is the target's. */
    static Outcome expected(String role, Kind kind) {
        if (role.equals("none")) {
            return Outcome.UNAUTHORIZED;
        }
        if (role.equals("admin")) {
            return Outcome.OK;
        }
        boolean own = role.endsWith("own");
        boolean mayWriteBudget = role.equals("finance-own");
        return switch (kind) {
            case LIST, CATALOGUE -> Outcome.OK;
            case AUDIT, WRITE_UNIT -> Outcome.FORBIDDEN;
            case READ_UNIT -> role.equals("viewer") || own ? Outcome.OK : Outcome.FORBIDDEN;
            case WRITE_BUDGET -> mayWriteBudget ? Outcome.OK : Outcome.FORBIDDEN;
        };
    }

    static String csvExpenditure() {
        StringBuilder csv = new StringBuilder("年初部门预算支出总表\n单位：万元\n科目编码,科目名称,合计,基本支出,项目支出\n");
        for (JsonNode r : Golden.rows("expenditureByFunction")) {
            csv.append(r.path("code").asText()).append(',').append(r.path("name").asText()).append(',')
                    .append(r.path("total").decimalValue().toPlainString()).append(',')
                    .append(r.path("basic").decimalValue().toPlainString()).append(',')
                    .append(r.path("project").decimalValue().toPlainString()).append('\n');
        }
        return csv.append(",合计,4988.65,3274.34,1714.31\n").toString();
    }

    static List<Endpoint> endpoints(String code) {
        String unit = "/api/v1/units/" + code;
        String year = unit + "/years/" + YEAR;
        String json = "application/json";
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint("read unit", Kind.READ_UNIT, "GET", unit, null, null));
        e.add(new Endpoint("read unit-year", Kind.READ_UNIT, "GET", year + "/budget", null, null));
        for (String part : List.of("expenditure", "execution", "staff", "budget-summary", "revenue", "adjustments",
                "findings", "measures")) {
            e.add(new Endpoint("read " + part, Kind.READ_UNIT, "GET", year + (part.equals("findings") ? "/" : "/budget/") + part, null, null));
        }
        e.add(new Endpoint("read targets", Kind.READ_UNIT, "GET", year + "/targets", null, null));
        e.add(new Endpoint("read monthly execution", Kind.READ_UNIT, "GET", year + "/monthly-execution", null, null));
        e.add(new Endpoint("list units", Kind.LIST, "GET", "/api/v1/units", null, null));
        e.add(new Endpoint("measure catalogue", Kind.CATALOGUE, "GET", "/api/v1/measures", null, null));
        e.add(new Endpoint("audit trail", Kind.AUDIT, "GET", "/api/v1/audit", null, null));
        e.add(new Endpoint("replace staff", Kind.WRITE_BUDGET, "PUT", year + "/budget/staff", json, Golden.staff()));
        e.add(new Endpoint("replace expenditure", Kind.WRITE_BUDGET, "PUT", year + "/budget/expenditure", json, Golden.expenditure()));
        e.add(new Endpoint("replace revenue", Kind.WRITE_BUDGET, "PUT", year + "/budget/revenue", json, Golden.revenue()));
        e.add(new Endpoint("replace budget-summary", Kind.WRITE_BUDGET, "PUT", year + "/budget/budget-summary", json, Golden.budgetSummary()));
        e.add(new Endpoint("replace execution", Kind.WRITE_BUDGET, "PUT", year + "/budget/execution", json, Golden.execution()));
        e.add(new Endpoint("replace adjustments", Kind.WRITE_BUDGET, "PUT", year + "/budget/adjustments", json, Examples.ADJUSTMENTS));
        e.add(new Endpoint("replace targets", Kind.WRITE_BUDGET, "PUT", year + "/targets", json, Golden.targetTable()));
        e.add(new Endpoint("record target progress", Kind.WRITE_BUDGET, "PUT", year + "/targets/CC-01/progress/7", json, Examples.PROGRESS));
        e.add(new Endpoint("replace monthly execution", Kind.WRITE_BUDGET, "PUT", year + "/monthly-execution", json, Golden.monthlyExecution()));
        e.add(new Endpoint("record a month", Kind.WRITE_BUDGET, "PUT", year + "/monthly-execution/7", json, Examples.MONTH));
        e.add(new Endpoint("import xlsx", Kind.WRITE_BUDGET, "POST", year + "/budget/import", TableImportMedia.XLSX,
                ImportTest.bytes(ImportTest.goldenWorkbook())));
        e.add(new Endpoint("import csv", Kind.WRITE_BUDGET, "POST", year + "/budget/import?table=expenditure", TableImportMedia.CSV,
                csvExpenditure().getBytes(StandardCharsets.UTF_8)));
        e.add(new Endpoint("create/replace unit", Kind.WRITE_UNIT, "PUT", unit, json, Golden.unit()));
        return e;
    }

    static Response send(RequestSpecification spec, Endpoint e) {
        if (e.kind() == Kind.WRITE_UNIT) {
            // replacing a unit names the version it replaces (else 428), as a careful client does
            spec = spec.header("If-Match", given().get(e.path()).then().statusCode(200).extract().header("ETag"));
        } else if (e.method().equals("PUT") && e.path().contains("/targets")) {
            // the target table and its actual values are written by people: If-Match once they exist
            String unitYear = e.path().substring(0, e.path().indexOf("/targets")) + "/budget";
            spec = spec.header("If-Match", given().get(unitYear).then().statusCode(200).extract().header("ETag"));
        }
        if (e.contentType() != null) {
            spec = spec.contentType(e.contentType());
        }
        if (e.body() instanceof byte[] bytes) {
            spec = spec.body(bytes);
        } else if (e.body() != null) {
            spec = spec.body((String) e.body());
        }
        return spec.request(e.method(), e.path());
    }

    /** What a refused write must leave untouched: the unit, the unit-year with its version, the audit trail. */
    static String state(String code) {
        return given().get("/api/v1/units/" + code).asString()
                + given().get("/api/v1/units/" + code + "/years/" + YEAR + "/budget").then().statusCode(200).extract().header("ETag")
                + given().get("/api/v1/units/" + code + "/years/" + YEAR + "/budget").asString()
                + given().queryParam("unitCode", code).queryParam("size", 1).get("/api/v1/audit").jsonPath().getString("total");
    }

    static void assertProblem(Response r, int status, String kind, String where) {
        assertThat(r.statusCode()).as(where).isEqualTo(status);
        assertThat(r.contentType()).as(where).startsWith(ProblemDetail.MEDIA_TYPE);
        assertThat(r.jsonPath().getString("type")).as(where).isEqualTo("/problems/" + kind);
        assertThat(r.jsonPath().getInt("status")).as(where).isEqualTo(status);
        assertThat(r.jsonPath().getString("detail")).as(where).isNotBlank();
        if (status == 401) {
            assertThat(r.header("WWW-Authenticate")).as(where).startsWith("Bearer");
        }
    }

    @Test
    void everyOperationTimesEveryRole() {
        DevTokens tokens = TestAuth.tokens();
        String code = Golden.newCode();
        Golden.load(code);
        Golden.loadTargets(code);
        String other = Golden.newCode();
        Golden.load(other);
        String county = Golden.CASE.path("department").path("county").asText();

        List<Role> roles = List.of(
                new Role("none", null),
                new Role("admin", tokens.admin()),
                new Role("finance-own", tokens.finance(code)),
                new Role("finance-other", tokens.finance(other)),
                new Role("evaluator-own", tokens.evaluator(county)),
                new Role("evaluator-other", tokens.evaluator("别的县")),
                new Role("viewer", tokens.viewer()));

        int cases = 0;
        Map<String, Integer> byOutcome = new LinkedHashMap<>();
        for (Endpoint e : endpoints(code)) {
            for (Role role : roles) {
                String where = role.name() + " → " + e.name() + " (" + e.method() + " " + e.path() + ")";
                Outcome expected = expected(role.name(), e.kind());
                boolean write = !e.method().equals("GET");
                String before = write ? state(code) : null;
                Response r = send(role.token() == null ? TestAuth.anonymous() : TestAuth.as(role.token()), e);
                switch (expected) {
                    case OK -> assertThat(r.statusCode()).as(where + ": " + r.asString()).isBetween(200, 299);
                    case UNAUTHORIZED -> assertProblem(r, 401, "unauthorized", where);
                    case FORBIDDEN -> assertProblem(r, 403, "forbidden", where);
                }
                if (write && expected != Outcome.OK) {
                    assertThat(state(code)).as(where + " changed nothing").isEqualTo(before);
                }
                cases++;
                byOutcome.merge(expected.name(), 1, Integer::sum);
            }
        }
        System.out.println("AccessMatrixTest: " + cases + " cases (" + endpoints(code).size() + " operations × "
                + roles.size() + " callers) " + byOutcome);
        assertThat(cases).isEqualTo(28 * 7);
    }

    @Test
    void listsAreFilteredToTheCallersUnitOrCounty() {
        DevTokens tokens = TestAuth.tokens();
        String code = Golden.newCode();
        Golden.load(code);
        String county = Golden.CASE.path("department").path("county").asText();
        String mine = UnitsAndTablesTest.unitIn("独县" + code);

        Response finance = TestAuth.as(tokens.finance(code)).queryParam("size", 200).get("/api/v1/units");
        assertThat(finance.jsonPath().getList("items.unitCode", String.class)).containsExactly(code);
        assertThat(finance.jsonPath().getLong("total")).isEqualTo(1);

        Response evaluator = TestAuth.as(tokens.evaluator("独县" + code)).queryParam("size", 200).get("/api/v1/units");
        assertThat(evaluator.jsonPath().getList("items.unitCode", String.class)).containsExactly(mine);
        // asking for another county does not widen the filter
        assertThat(TestAuth.as(tokens.evaluator("独县" + code)).queryParam("county", county).get("/api/v1/units")
                .jsonPath().getLong("total")).isZero();
        assertThat(TestAuth.as(tokens.viewer()).queryParam("county", county).get("/api/v1/units")
                .jsonPath().getLong("total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anotherUnitIsRefusedBeforeItIsLookedUp() {
        DevTokens tokens = TestAuth.tokens();
        String code = Golden.newCode();
        Golden.load(code);
        // the same answer whether the unit exists or not: a finance token learns nothing
        for (String target : List.of(code, "NOSUCHUNIT42")) {
            Response r = TestAuth.as(tokens.finance("OTHERUNIT1")).get("/api/v1/units/" + target + "/years/" + YEAR + "/budget");
            assertProblem(r, 403, "forbidden", "finance of another unit reading " + target);
            assertThat(r.jsonPath().getString("detail"))
                    .isEqualTo("财政人员只能读取本单位的数据（令牌中的单位为 OTHERUNIT1，所请求的单位为 " + target + "）");
            assertProblem(TestAuth.as(tokens.finance("OTHERUNIT1")).contentType("application/json").body(Golden.staff())
                    .put("/api/v1/units/" + target + "/years/" + YEAR + "/budget/staff"), 403, "forbidden", "finance write " + target);
        }
        assertProblem(TestAuth.as(tokens.evaluator("别的县")).get("/api/v1/units/NOSUCHUNIT42"), 403, "forbidden", "evaluator, no unit");
        assertProblem(TestAuth.as(tokens.admin()).get("/api/v1/units/NOSUCHUNIT42"), 404, "not-found", "admin, no unit");
        // role-level refusals name what is required
        assertThat(TestAuth.as(tokens.viewer()).get("/api/v1/audit").jsonPath().getString("detail"))
                .contains("admin").contains("viewer");
    }

    @Test
    void tokensThatAreNotAcceptableAre401AndIncompleteOnes403() {
        DevTokens tokens = TestAuth.tokens();
        String code = Golden.newCode();
        Golden.load(code);
        String path = "/api/v1/units/" + code + "/years/" + YEAR + "/budget";
        String admin = tokens.admin();
        String[] parts = admin.split("\\.");
        Map<String, Function<RequestSpecification, RequestSpecification>> unacceptable = new LinkedHashMap<>();
        unacceptable.put("no token", s -> s);
        unacceptable.put("empty bearer", s -> s.header("Authorization", "Bearer "));
        unacceptable.put("garbage", s -> s.header("Authorization", "Bearer not-a-jwt"));
        unacceptable.put("basic auth", s -> s.header("Authorization", "Basic YWRtaW46YWRtaW4="));
        unacceptable.put("expired", s -> s.auth().oauth2(tokens.token("admin", "admin", null, null, DevTokens.ISSUER, Duration.ofMinutes(-10))));
        unacceptable.put("foreign issuer", s -> s.auth().oauth2(tokens.token("admin", "admin", null, null, "https://evil.example", Duration.ofHours(1))));
        unacceptable.put("other key", s -> s.auth().oauth2(DevTokens.generate().admin()));
        unacceptable.put("tampered claims", s -> s.auth().oauth2(parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"iss\":\"https://idp.perfeval.local\",\"upn\":\"x\",\"groups\":[\"admin\"],\"exp\":9999999999}"
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2]));
        unacceptable.put("alg none", s -> s.auth().oauth2(java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "."));
        unacceptable.put("no signature", s -> s.auth().oauth2(parts[0] + "." + parts[1]));
        unacceptable.forEach((name, spec) -> {
            assertProblem(spec.apply(TestAuth.anonymous()).get(path), 401, "unauthorized", name);
            assertProblem(spec.apply(TestAuth.anonymous()).contentType("application/json").body(Golden.staff()).put(path + "/staff"),
                    401, "unauthorized", name + " (write)");
        });
        // valid, but without what the role needs
        assertProblem(TestAuth.as(tokens.token("f", "finance", null, null)).get(path), 403, "forbidden", "finance without unit");
        assertProblem(TestAuth.as(tokens.token("e", "evaluator", null, null)).get(path), 403, "forbidden", "evaluator without county");
        assertProblem(TestAuth.as(tokens.token("f", "finance", null, null)).get("/api/v1/units"), 403, "forbidden", "finance list without unit");
        assertProblem(TestAuth.as(tokens.token("n", "nobody", null, null)).get("/api/v1/measures"), 403, "forbidden", "unknown role");
        // the operational endpoints stay open
        for (String open : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/openapi", "/q/swagger-ui/", "/q/metrics")) {
            assertThat(TestAuth.anonymous().get(open).statusCode()).as(open).isEqualTo(200);
        }
        System.out.println("AccessMatrixTest: " + unacceptable.size() * 2 + " requests with unacceptable tokens");
    }
}
