package cn.perfeval.report.api;

import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The HTTP layer's own refusals are problem+json too (libs/platform HttpLimits, issue #13). */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class HttpLimitsTest {

    @Test
    void aRequestLineBeyondEightKibibytesIs414WithAProblem() {
        asAdmin().queryParam("system", "x".repeat(9000))
                .get("/api/v1/units/114303210062309155/years/2024/report")
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("/problems/uri-too-long")).body("title", equalTo("请求行过长"))
                .body("errors[0].field", equalTo("URI")).body("detail", containsString("最多接受 8192"));
    }

    @Test
    void headersBeyondSixteenKibibytesAre431WithAProblem() {
        asAdmin().header("X-Padding", "x".repeat(17000))
                .get("/api/v1/units/114303210062309155/years/2024/report")
                .then().statusCode(431).contentType("application/problem+json")
                .body("type", equalTo("/problems/headers-too-large")).body("title", equalTo("请求头过大"));
    }

    @Test
    void anOrdinaryRequestPassesTheLimits() {
        asAdmin().get("/api/v1/units/114303210062309155/years/2024/narrative").then().statusCode(200);
    }
}
