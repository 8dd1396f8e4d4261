package cn.perfeval.budget.api;

import cn.perfeval.budget.Golden;
import cn.perfeval.budget.TestAuth;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;

/** /q/metrics is open and carries the HTTP latency and the outbox gauges. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class MetricsTest {

    static double gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$").matcher(metrics);
        assertThat(m.find()).as(name + " in\n" + metrics).isTrue();
        return Double.parseDouble(m.group(2));
    }

    @Test
    void metricsAreOpenAndCarryHttpLatencyAndTheOutbox() {
        String code = Golden.newCode();
        given().contentType("application/json").body(Golden.unit()).put("/api/v1/units/" + code).then().statusCode(201);
        given().contentType("application/json").body(Golden.staff()).put("/api/v1/units/" + code + "/years/2024/budget/staff").then().statusCode(200);

        String metrics = TestAuth.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests_seconds_count{");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/units/\\{unitCode\\}/years/\\{year\\}/budget/staff\"");
        assertThat(metrics).contains("# HELP perfeval_outbox_backlog ");
        assertThat(gauge(metrics, "perfeval_outbox_backlog")).isGreaterThanOrEqualTo(0);
        assertThat(gauge(metrics, "perfeval_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
    }
}
