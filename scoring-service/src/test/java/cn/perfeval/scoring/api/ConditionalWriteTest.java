package cn.perfeval.scoring.api;

import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * ETag and If-Match on what a person writes (docs/api.md): a judgement, the published scores and a
 * county's assignment answer their version as ETag; once they exist, a PUT must name the version it
 * replaces (428 without, 412 when it is not the current one) and a refused PUT stores nothing. Indicator
 * systems are created once: a second POST of a code is 409, also when many arrive at the same moment.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ConditionalWriteTest {

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    static Response put(String path, String ifMatch, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(path);
    }

    static String judgement(int points) {
        return "{\"points\": " + points + ", \"reason\": \"第 " + points + " 分的理由\", \"by\": \"评价组 李明\"}";
    }

    @Test
    void aJudgementIsReplacedOnlyByWhoeverNamesItsCurrentVersion() {
        String unit = TestEvents.newUnit();
        TestEvents.send(unit + ":2024", TestEvents.budgetEvent(unit, "版本县", 1, TestEvents.GOLDEN_MEASURES));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/units/" + unit + "/years/2024/score").then().statusCode(200));
        String path = "/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county/B1";
        given().get(path).then().statusCode(404).contentType("application/problem+json");

        // the first needs no If-Match
        put(path, null, judgement(3)).then().statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1)).body("points", equalTo(3)).body("rescored", equalTo(true));
        given().get(path).then().statusCode(200).header("ETag", "\"1\"").body("points", equalTo(3))
                .body("indicatorName", equalTo("管理制度健全")).body("maxPoints", equalTo(5));

        // then: without If-Match 428, with a version that is not the current one 412; neither changes anything
        put(path, null, judgement(4)).then().statusCode(428).contentType("application/problem+json")
                .body("status", equalTo(428));
        put(path, "\"7\"", judgement(4)).then().statusCode(412).contentType("application/problem+json")
                .body("status", equalTo(412));
        given().get(path).then().header("ETag", "\"1\"").body("points", equalTo(3));
        given().get(path + "/history").then().body("total", equalTo(1));
        given().get("/api/v1/units/" + unit + "/years/2024/score").then()
                .body("result.indicators.find { it.code == 'B1' }.points", equalTo(3));

        // naming the current version replaces it, once: the same If-Match a second time is stale
        put(path, "\"1\"", judgement(4)).then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
        put(path, "\"1\"", judgement(5)).then().statusCode(412);
        given().get(path).then().header("ETag", "\"2\"").body("points", equalTo(4));
        given().get(path + "/history").then().body("items.version", equalTo(List.of(1, 2)))
                .body("items.points", equalTo(List.of(3, 4)));
        given().get("/api/v1/units/" + unit + "/years/2024/judgements/xiangtan-county").then()
                .body("items.find { it.indicatorCode == 'B1' }.version", equalTo(2));
        given().get("/api/v1/units/" + unit + "/years/2024/score").then()
                .body("result.indicators.find { it.code == 'B1' }.points", equalTo(4));

        // an If-Match that is no version at all
        put(path, "yesterday", judgement(4)).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void thePublishedScoresAreReplacedOnlyByWhoeverNamesTheirCurrentVersion() {
        String unit = TestEvents.newUnit();
        String path = "/api/v1/units/" + unit + "/years/2024/published";
        given().get(path).then().statusCode(404);
        put(path, null, Examples.PUBLISHED).then().statusCode(200).header("ETag", "\"1\"").body("grade", equalTo("良"));
        given().get(path).then().statusCode(200).header("ETag", "\"1\"");

        String changed = Examples.PUBLISHED.replace("\"grade\": \"良\"", "\"grade\": \"优\"");
        put(path, null, changed).then().statusCode(428);
        put(path, "\"2\"", changed).then().statusCode(412);
        given().get(path).then().header("ETag", "\"1\"").body("grade", equalTo("良"));
        put(path, "\"1\"", changed).then().statusCode(200).header("ETag", "\"2\"").body("grade", equalTo("优"));
        given().get(path).then().header("ETag", "\"2\"").body("grade", equalTo("优"));
    }

    @Test
    void anAssignmentIsChangedOnlyByWhoeverNamesItsCurrentVersion() {
        String path = "/api/v1/counties/版本县" + UUID.randomUUID().toString().substring(0, 6) + "/years/2024/assignment";
        given().get(path).then().statusCode(200).header("ETag", "\"0\"").body("defaulted", equalTo(true))
                .body("version", equalTo(0));
        put(path, null, Examples.ASSIGNMENT_REQUEST).then().statusCode(200).header("ETag", "\"1\"")
                .body("systemCode", equalTo("national-common")).body("systemVersion", equalTo(1)).body("version", equalTo(1));

        String other = "{\"systemCode\": \"self-evaluation-2020\", \"systemVersion\": 1}";
        put(path, null, other).then().statusCode(428);
        put(path, "\"0\"", other).then().statusCode(412);
        given().get(path).then().header("ETag", "\"1\"").body("systemCode", equalTo("national-common"));
        put(path, "\"1\"", other).then().statusCode(200).header("ETag", "\"2\"").body("systemCode", equalTo("self-evaluation-2020"));
        given().get(path).then().header("ETag", "\"2\"").body("version", equalTo(2)).body("defaulted", equalTo(false));
    }

    @Test
    void aSystemCodeIsCreatedOnceEvenByRequestsArrivingTogether() throws Exception {
        String code = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String body = Examples.SYSTEM.replace("demo-county", code);
        String token = TestAuth.tokens().admin();
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                Callable<Integer> post = () -> {
                    start.await();
                    return TestAuth.given(token).contentType(ContentType.JSON).body(body).post("/api/v1/systems").statusCode();
                };
                answers.add(pool.submit(post));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(requests - 1);
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/v1/systems/" + code + "/versions").then().statusCode(200).body("total", equalTo(1));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/systems").then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
    }
}
