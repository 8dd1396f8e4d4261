package cn.perfeval.scoring.api;

import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import cn.perfeval.testsupport.OpenApiContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scoring-service's OpenAPI document is complete (docs/api.md): every operation has an operationId, a
 * Chinese summary, a schema for every answer, its own examples, each valid against its schema, and every
 * status it can give; every property and parameter is described. The coverage line goes to
 * target/api-coverage.txt. (That each response the other tests receive matches the document is checked
 * for every test by test-support's OpenApiContract.)
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class ApiContractTest {

    @Test
    void theDocumentIsCompleteAndEveryExampleValid() throws Exception {
        // the document as served, beside the coverage line, for whoever reads a failure
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"),
                RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString(),
                StandardCharsets.UTF_8);
        var coverage = OpenApiContract.assertComplete("scoring-service", RestAssured.baseURI + ":" + RestAssured.port);
        assertThat(coverage.operations()).isEqualTo(24);
        assertThat(coverage.complete()).isTrue();
        assertThat(Files.readString(Path.of("target", "api-coverage.txt"), StandardCharsets.UTF_8))
                .startsWith("scoring-service").contains("24 operations");
    }
}
