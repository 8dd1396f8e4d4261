package cn.perfeval.deploy;

import cn.perfeval.deploy.Suite.Service;
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

    @BeforeAll
    static void startSuite() {
        Launcher.quietLogs();
        Path root = Launcher.repoRoot();
        suite = Suite.start(SuiteOptions.embeddedOnFreePorts(root, root.resolve("deploy/target/it-logs-faults")));
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
    }

    static String newUnit() {
        String code = "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"故障测试镇\", \"county\": \"故障县\", \"province\": \"湖南省\", \"kind\": \"行政\"}")
                .put(suite.url(Service.BUDGET) + "/api/units/" + code).then().statusCode(201);
        return code;
    }

    static void writeExecution(String unit, int basicActual) {
        given().contentType(ContentType.JSON)
                .body("{\"amountUnit\": \"万元\", \"basicActual\": " + basicActual + ", \"projectActual\": 860}")
                .put(suite.url(Service.BUDGET) + "/api/units/" + unit + "/years/2024/execution").then().statusCode(200);
    }

    static List<Long> scoredBudgetVersions(String unit) {
        return JsonPath.from(given().get(suite.url(Service.SCORING) + "/api/scores/" + unit + "/2024/history").asString())
                .getList("budgetVersion", Long.class);
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
        // every version scored exactly once, in order: none lost, none doubled
        assertThat(scoredBudgetVersions(unit)).containsExactlyElementsOf(LongStream.rangeClosed(1, writes).boxed().toList());
        given().get(suite.url(Service.SCORING) + "/api/scores/" + unit + "/2024").then()
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
        given().get(suite.url(Service.BUDGET) + "/api/units/" + unit + "/years/2024").then().statusCode(200)
                .header("ETag", "\"6\"");
        suite.embeddedKafka().start();

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(scoredBudgetVersions(unit)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("format", "json").get(suite.url(Service.REPORT) + "/api/reports/" + unit + "/2024")
                        .then().statusCode(200).body("provenance.budgetVersion", equalTo(6)));
    }
}
