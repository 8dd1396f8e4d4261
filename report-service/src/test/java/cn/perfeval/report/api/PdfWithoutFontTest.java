package cn.perfeval.report.api;

import cn.perfeval.report.support.GoldenCase;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static cn.perfeval.report.support.Calls.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Without a CJK font a PDF request is a clear problem naming the package; every other format works. */
@QuarkusTest
@TestProfile(PdfWithoutFontTest.NoFont.class)
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "report"))
class PdfWithoutFontTest {

    public static class NoFont implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("report.pdf.font-path", "/nonexistent/fonts/none.ttc",
                    // a consumer group of its own: this restart must not take partitions from nobody
                    "report.consumer-group", "report-service-nofont");
        }
    }

    @Test
    void pdfIsAProblemNamingThePackageAndOtherFormatsWork() {
        String unit = GoldenCase.newUnit();
        GoldenCase.send("budget-events", unit + ":2024", GoldenCase.budgetEvent(unit, 1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                asAdmin().queryParam("format", "json").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200));

        asAdmin().accept("application/pdf").get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/pdf-font-missing"))
                .body("detail", containsString("fonts-wqy-zenhei"))
                .body("detail", containsString("/nonexistent/fonts/none.ttc"));
        for (String format : new String[]{"html", "md", "json", "docx"}) {
            asAdmin().queryParam("format", format).get("/api/v1/units/" + unit + "/years/2024/report").then().statusCode(200);
        }
    }
}
