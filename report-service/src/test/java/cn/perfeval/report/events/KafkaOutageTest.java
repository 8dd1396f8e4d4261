package cn.perfeval.report.events;

import cn.perfeval.report.api.ReportResource;
import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructure;
import cn.perfeval.testsupport.EmbeddedKafkaBroker;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * With the Kafka broker down, report-service still serves reports and summaries from its read
 * model and stores narratives; once the broker is back, it consumes again without a restart.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class KafkaOutageTest {

    @Test
    void reportsAndNarrativesWorkWhileKafkaIsDownAndConsumingResumesAfter() {
        String unit = GoldenCase.newUnit();
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        GoldenCase.send("score-events", unit + ":2024", GoldenCase.scoreEvent(unit, 1, 1));
        String report = "/api/v1/units/" + unit + "/years/2024/report";
        String narrative = "/api/v1/units/" + unit + "/years/2024/narrative";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get(report).then().statusCode(200)
                        .body("provenance.scoreVersion", equalTo(1)));

        EmbeddedKafkaBroker kafka = EmbeddedInfrastructure.kafka();
        kafka.stop();
        try {
            asAdmin().queryParam("format", "json").get(report).then().statusCode(200)
                    .body("conclusion.total", equalTo(93)).body("provenance.budgetVersion", equalTo(1));
            byte[] docx = asAdmin().queryParam("format", "docx").get(report).then().statusCode(200)
                    .contentType(ReportResource.DOCX).extract().asByteArray();
            assertThat(docx.length).isGreaterThan(1000);
            asAdmin().contentType("application/json").body("{\"overview\": \"断网时保存\"}").put(narrative).then()
                    .statusCode(200).body("version", equalTo(1));
            asAdmin().queryParam("format", "html").get(report).then().statusCode(200);
            assertThat(asAdmin().queryParam("format", "html").get(report).asString()).contains("断网时保存");
            asAdmin().queryParam("format", "json").get("/api/v1/counties/湘潭县/years/2024/summary").then().statusCode(200);
            asAdmin().queryParam("unitCode", unit).get("/api/v1/audit").then().statusCode(200);
        } finally {
            kafka.start();
        }

        // consuming resumes: a newer budget version reaches the report
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 2));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get(report).then().statusCode(200)
                        .body("provenance.budgetVersion", equalTo(2)));
    }
}
