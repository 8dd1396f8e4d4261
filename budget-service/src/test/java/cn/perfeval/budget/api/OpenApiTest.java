package cn.perfeval.budget.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.budget.Golden;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.perfeval.budget.TestAuth.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every operation is documented: tag, summary, and an example for every response that has a body. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "budget"))
class OpenApiTest {

    @Test
    void everyOperationHasTagSummaryAndExamples() {
        JsonNode doc = Golden.parse(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        JsonNode paths = doc.path("paths");
        assertThat(paths.has("/api/v1/units/{unitCode}/years/{year}/budget/budget-summary")).isTrue();
        assertThat(paths.has("/api/v1/units/{unitCode}/years/{year}/budget/revenue")).isTrue();
        assertThat(paths.has("/api/v1/units/{unitCode}/years/{year}/budget/staff")).isTrue();
        assertThat(paths.has("/api/v1/units/{unitCode}/years/{year}/budget/adjustments")).isTrue();
        assertThat(paths.has("/api/v1/units/{unitCode}/years/{year}/findings")).isTrue();
        assertThat(paths.has("/api/v1/units/{unitCode}/years/{year}/budget/import")).isTrue();

        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!List.of("get", "put", "post").contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                if (o.path("tags").isEmpty() || o.path("summary").asText().isBlank()) {
                    undocumented.add(where + ": tag or summary");
                }
                for (Map.Entry<String, JsonNode> response : o.path("responses").properties()) {
                    int status = Integer.parseInt(response.getKey());
                    boolean hasBody = status >= 400 || !o.path("responses").path(response.getKey()).path("content").isMissingNode();
                    JsonNode content = response.getValue().path("content");
                    boolean hasExample = false;
                    for (JsonNode media : content) {
                        hasExample |= media.has("examples") || media.has("example");
                    }
                    if (hasBody && !hasExample && status >= 400) {
                        undocumented.add(where + ": example of " + status);
                    }
                }
                for (String status : List.of("401", "403")) {
                    if (!o.path("responses").path(status).path("content").path(ProblemDetail.MEDIA_TYPE).has("examples")) {
                        undocumented.add(where + ": " + status + " as problem+json");
                    }
                }
                if (!o.path("security").toString().contains("bearer")) {
                    undocumented.add(where + ": bearer security requirement");
                }
                if (o.path("responses").path("200").isMissingNode() && o.path("responses").path("201").isMissingNode()
                        && o.path("responses").path("202").isMissingNode()) {
                    undocumented.add(where + ": success response");
                }
            }
        }
        assertThat(operations).isEqualTo(29);
        assertThat(paths.has("/api/v1/audit")).isTrue();
        JsonNode scheme = doc.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(undocumented).isEmpty();
    }
}
