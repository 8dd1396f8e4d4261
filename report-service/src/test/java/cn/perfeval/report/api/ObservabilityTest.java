package cn.perfeval.report.api;

import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.report.support.Metrics;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static cn.perfeval.report.support.Calls.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /q/metrics is open and carries the service's own metrics; logs name the unit-year being handled. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class ObservabilityTest {

    @Test
    void metricsAreOpenAndHoldConsumerLagDeadLettersAndRendering() {
        String unit = GoldenCase.newUnit();
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                asAdmin().queryParam("format", "html").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200));
        double before = Metrics.value(Metrics.scrape(), "perfeval_documents_rendered_total", "format=\"md\"");
        asAdmin().queryParam("format", "md").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200);
        asAdmin().queryParam("format", "docx").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString(); // no token
        assertThat(Metrics.value(metrics, "perfeval_documents_rendered_total", "format=\"md\"")).isEqualTo(before + 1);
        assertThat(Metrics.value(metrics, "perfeval_documents_rendered_total", "format=\"docx\"")).isPositive();
        assertThat(Metrics.value(metrics, "perfeval_document_render_seconds_count", "format=\"docx\"")).isPositive();
        assertThat(metrics).containsPattern("(?m)^perfeval_document_render_seconds_sum\\{[^}]*format=\"html\"");
        assertThat(metrics).containsPattern("(?m)^perfeval_dead_letters_total\\{[^}]*topic=\"budget-events\"");
        assertThat(metrics).containsPattern("(?m)^perfeval_dead_letters_total\\{[^}]*topic=\"score-events\"");
        // the consumer has caught up: computed from positions and end offsets every 5 s
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String m = Metrics.scrape();
            assertThat(m).containsPattern("(?m)^perfeval_consumer_lag\\{[^}]*topic=\"budget-events\"[^}]*\\} 0\\.0$");
            assertThat(m).containsPattern("(?m)^perfeval_consumer_lag\\{[^}]*topic=\"score-events\"");
        });
    }

    @Test
    void logsOfAnEventNameItsUnitYear() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && record.getLoggerName().startsWith("cn.perfeval.report")) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("cn.perfeval.report.events.EventConsumer");
        Level level = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
        try {
            String unit = GoldenCase.newUnit();
            GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(records)
                    .anySatisfy(r -> {
                        assertThat(r.getMdc("unit")).isEqualTo(unit);
                        assertThat(r.getMdc("year")).isEqualTo("2024");
                    }));
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(level);
        }
        assertThat(ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class))
                .contains("unit=%X{unit} year=%X{year}");
        assertThat(ConfigProvider.getConfig().getValue("quarkus.log.console.json.enabled", Boolean.class)).isFalse();
    }
}
