package cn.perfeval.budget.api;

import cn.perfeval.platform.problem.ProblemDetail;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Every operation under {@code /api} needs a bearer token: declares it, and the 401 and 403 it
 * can answer with, in one place rather than two more annotations on each of twenty operations.
 * The scheme itself ({@value #SCHEME}) comes from {@code quarkus.smallrye-openapi.security-scheme}.
 */
public class OpenApiSecurity implements OASFilter {

    static final String SCHEME = "bearerJwt";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().values().forEach(op -> {
                op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
                op.getResponses().addAPIResponse("401", problem(
                        "No token, or a malformed, expired, foreign-issuer or badly signed one", Examples.PROBLEM_UNAUTHORIZED));
                op.getResponses().addAPIResponse("403", problem(
                        "The token's roles, unit or county do not allow this operation", Examples.PROBLEM_FORBIDDEN));
            });
        });
    }

    /** As a map, so that the document shows the example as JSON, not as a string. */
    private static Object parse(String json) {
        try {
            return new ObjectMapper().readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("example is not JSON", e);
        }
    }

    private static APIResponse problem(String description, String example) {
        Example ex = OASFactory.createExample().value(parse(example));
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE,
                        OASFactory.createMediaType().addExample("problem", ex)));
    }
}
