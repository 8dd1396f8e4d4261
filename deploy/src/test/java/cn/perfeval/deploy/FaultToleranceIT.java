package cn.perfeval.deploy;

import cn.perfeval.deploy.Suite.Service;
import cn.perfeval.testsupport.CuttableProxy;
import cn.perfeval.testsupport.EmbeddedPostgresServer;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Faults injected into the running suite: nothing accepted is lost, nothing is done twice. */
class FaultToleranceIT {

    static Suite suite;
    /** The services reach PostgreSQL only through this proxy, so that a test can take the database away. */
    static EmbeddedPostgresServer postgres;
    static CuttableProxy postgresLink;

    @BeforeAll
    static void startSuite() {
        Launcher.quietLogs();
        Path root = Launcher.repoRoot();
        postgres = EmbeddedPostgresServer.start(0);
        postgresLink = CuttableProxy.start("127.0.0.1", postgres.port());
        SuiteOptions embedded = SuiteOptions.embeddedOnFreePorts(root, root.resolve("deploy/target/it-logs-faults"));
        suite = Suite.start(new SuiteOptions(root, "jdbc:postgresql://127.0.0.1:" + postgresLink.port(),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, 0, null, 0,
                embedded.budgetPort(), embedded.scoringPort(), embedded.reportPort(), embedded.jvmOptions(), embedded.logDir()));
        // as the county finance bureau, unless a test says otherwise
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", "Bearer " + suite.tokens().admin()).build();
    }

    @AfterAll
    static void stopSuite() {
        RestAssured.reset();
        if (suite != null) {
            suite.close();
        }
        if (postgresLink != null) {
            postgresLink.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static String newUnit() {
        String code = "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"故障测试镇\", \"county\": \"故障县\", \"province\": \"湖南省\", \"kind\": \"行政\"}")
                .put(suite.url(Service.BUDGET) + "/api/v1/units/" + code).then().statusCode(201);
        return code;
    }

    static void writeExecution(String unit, int basicActual) {
        given().contentType(ContentType.JSON)
                .body("{\"amountUnit\": \"万元\", \"basicActual\": " + basicActual + ", \"projectActual\": 860}")
                .put(unitYear(Service.BUDGET, unit) + "/budget/execution").then().statusCode(200);
    }

    /** {@code /api/v1/units/{unitCode}/years/2024} of a service. */
    static String unitYear(Service service, String unit) {
        return suite.url(service) + "/api/v1/units/" + unit + "/years/2024";
    }

    /** The budget versions scored, oldest first: one page of the score history, large enough for every test here. */
    static List<Long> scoredBudgetVersions(String unit) {
        JsonPath history = JsonPath.from(given().queryParam("size", 200)
                .get(unitYear(Service.SCORING, unit) + "/score/history").then().statusCode(200).extract().asString());
        assertThat(history.getLong("total")).isEqualTo(history.getList("items").size());
        return history.getList("items.budgetVersion", Long.class);
    }

    @Test
    void scoringKilledMidStreamAndRestartedLosesAndDoublesNothing() {
        String unit = newUnit();
        int writes = 40;
        for (int i = 1; i <= writes; i++) {
            writeExecution(unit, 3000 + i);
            if (i == 10) {
                suite.kill(Service.SCORING);   // a crash: no shutdown, offsets of the batch in flight not committed
            }
        }
        suite.restart(Service.SCORING);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(scoredBudgetVersions(unit)).last().isEqualTo((long) writes));
        // nothing doubled: each version scored at most once, in order (versions superseded within one
        // poll of the consumer are skipped on purpose); nothing lost: the last one is scored, from the last data
        assertThat(scoredBudgetVersions(unit)).doesNotHaveDuplicates().isSorted()
                .isSubsetOf(LongStream.rangeClosed(1, writes).boxed().toList());
        given().get(unitYear(Service.SCORING, unit) + "/score").then()
                .body("result.indicators.find { it.code == 'A2' }.measures.basicActual", equalTo(3000 + writes));
    }

    @Test
    void writesAcceptedWhileKafkaIsDownAreDeliveredInOrderOnceItIsBack() {
        String unit = newUnit();
        writeExecution(unit, 3001);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scoredBudgetVersions(unit)).containsExactly(1L));

        suite.embeddedKafka().stop();
        for (int i = 2; i <= 6; i++) {
            writeExecution(unit, 3000 + i);   // accepted: the events wait in the outbox
        }
        given().get(unitYear(Service.BUDGET, unit) + "/budget").then().statusCode(200)
                .header("ETag", "\"6\"");
        suite.embeddedKafka().start();

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(scoredBudgetVersions(unit)).last().isEqualTo(6L));
        assertThat(scoredBudgetVersions(unit)).startsWith(1L).doesNotHaveDuplicates().isSorted();
        given().get(unitYear(Service.SCORING, unit) + "/score").then()
                .body("result.indicators.find { it.code == 'A2' }.measures.basicActual", equalTo(3006));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("format", "json").get(unitYear(Service.REPORT, unit) + "/report")
                        .then().statusCode(200).body("provenance.budgetVersion", equalTo(6)));
    }

    @Test
    void withoutPostgresqlEveryServiceAnswers503AndRecoversWithoutRestart() {
        String unit = newUnit();
        writeExecution(unit, 3001);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scoredBudgetVersions(unit)).containsExactly(1L));
        String budget = unitYear(Service.BUDGET, unit) + "/budget";
        String score = unitYear(Service.SCORING, unit) + "/score";
        String report = unitYear(Service.REPORT, unit) + "/report";
        String before = given().get(budget + "/execution").then().statusCode(200).extract().asString();
        long pidsBefore = suite.pid(Service.BUDGET) + suite.pid(Service.SCORING) + suite.pid(Service.REPORT);

        postgresLink.cut();
        try {
            // reads and writes are refused as "try again later", never as a server fault or a lost write
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                unavailable(given().get(budget + "/execution"));
                unavailable(given().contentType(ContentType.JSON)
                        .body("{\"amountUnit\": \"万元\", \"basicActual\": 9999, \"projectActual\": 860}")
                        .put(budget + "/execution"));
                unavailable(given().get(score));
                unavailable(given().queryParam("format", "json").get(report));
            });
            for (Service s : Service.values()) {
                given().get(suite.url(s) + "/q/health/ready").then().statusCode(503);
            }
        } finally {
            postgresLink.restore();
        }

        // the same processes serve again, with the data as it was before the outage
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (Service s : Service.values()) {
                given().get(suite.url(s) + "/q/health/ready").then().statusCode(200);
            }
            given().get(budget + "/execution").then().statusCode(200);
        });
        assertThat(suite.pid(Service.BUDGET) + suite.pid(Service.SCORING) + suite.pid(Service.REPORT)).isEqualTo(pidsBefore);
        assertThat(given().get(budget + "/execution").then().statusCode(200).extract().asString()).isEqualTo(before);
        writeExecution(unit, 3002);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scoredBudgetVersions(unit)).containsExactly(1L, 2L));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("format", "json").get(report).then().statusCode(200).body("provenance.budgetVersion", equalTo(2)));
    }

    static void unavailable(io.restassured.response.Response response) {
        response.then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503)).body("type", equalTo("/problems/database-unavailable"));
    }
}
