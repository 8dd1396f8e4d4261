package cn.perfeval.scoring.api;

import cn.perfeval.platform.problem.ProblemDetail;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.Map;

/**
 * Documents the bearer JWT security of every {@code /api} operation in one place: the security
 * scheme (Swagger UI's Authorize button), the requirement on each operation, and its 401 and 403
 * answers (plus 413 on operations that take a body). One filter instead of the same five
 * annotations on every operation, so that no operation can be left without them.
 */
public class OpenApiSecurity implements OASFilter {

    static final String SCHEME = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("RS256 JWT issued by the county's identity provider; roles in groups "
                        + "(admin, finance, evaluator, viewer), the unit of a finance user in unit, the county of an "
                        + "evaluator in county. See docs/security.md."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                secure(op.getKey(), op.getValue());
            }
        }
    }

    private static void secure(PathItem.HttpMethod method, Operation op) {
        op.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        op.getResponses().addAPIResponse("401", problem("No bearer token, or a malformed, expired, badly signed or "
                + "foreign-issuer one (with WWW-Authenticate: Bearer)", Examples.UNAUTHORIZED));
        op.getResponses().addAPIResponse("403", problem("The token's roles, unit or county do not allow this "
                + "operation; the detail names what is required", Examples.FORBIDDEN));
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            op.getResponses().addAPIResponse("413", problem("The body is larger than 4 MB", Examples.TOO_LARGE));
        }
    }

    /** As a JSON value, so that Swagger UI shows the example as JSON and not as one string. */
    private static Object parse(String json) {
        try {
            return new ObjectMapper().readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("example is not JSON", e);
        }
    }

    private static APIResponse problem(String description, String example) {
        Example ex = OASFactory.createExample().value(parse(example));
        Content content = OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE,
                OASFactory.createMediaType().addExample("problem", ex));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
