package cn.perfeval.platform.security;

import cn.perfeval.platform.problem.ProblemDetail;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.List;
import java.util.Map;

/**
 * Documents the bearer JWT security of every {@code /api} operation in one place (a service names it
 * in {@code mp.openapi.filter}): the security scheme (Swagger UI's Authorize button) when the service
 * does not declare it through {@code quarkus.smallrye-openapi.security-scheme}, the requirement on each
 * operation, and its 401 and 403 answers (plus 413 on operations that take a body), where the operation
 * does not document them with a body itself. One filter instead of the same annotations on every operation, so
 * that no operation can be left without them.
 */
public class OpenApiSecurity implements OASFilter {

    static final String UNAUTHORIZED = """
            {"type": "urn:perfeval:problem:unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "a valid bearer token of the county's identity provider is required",
             "instance": "/api/units/114303210062309155/years/2024"}""";

    static final String FORBIDDEN = """
            {"type": "urn:perfeval:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "finance users may only read their own unit (token unit 431321001, requested 431321002)",
             "instance": "/api/units/431321002/years/2024"}""";

    static final String TOO_LARGE = """
            {"type": "urn:perfeval:problem:too-large", "title": "Content too large", "status": 413,
             "detail": "the body has 5242880 bytes; at most 4194304 are accepted", "instance": "/api/units/114303210062309155/years/2024/narrative",
             "errors": [{"field": "body", "message": "the body has 5242880 bytes; at most 4194304 are accepted"}]}""";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String scheme = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-openapi.security-scheme-name", String.class).orElse("bearer");
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSecuritySchemes() == null
                || !openAPI.getComponents().getSecuritySchemes().containsKey(scheme)) {
            openAPI.getComponents().addSecurityScheme(scheme, OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("RS256 JWT issued by the county's identity provider; roles in groups "
                            + "(admin, finance, evaluator, viewer), the unit of a finance user in unit, the county of an "
                            + "evaluator in county. See docs/security.md."));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                secure(scheme, op.getKey(), op.getValue());
            }
        }
    }

    private static void secure(String scheme, PathItem.HttpMethod method, Operation op) {
        op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(scheme)));
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        addIfAbsent(responses, "401", "No bearer token, or a malformed, expired, badly signed or foreign-issuer one "
                + "(with WWW-Authenticate: Bearer)", UNAUTHORIZED);
        addIfAbsent(responses, "403", "The token's roles, unit or county do not allow this operation; the detail names "
                + "what is required", FORBIDDEN);
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            addIfAbsent(responses, "413", "The body is larger than the service accepts", TOO_LARGE);
        }
    }

    private static void addIfAbsent(APIResponses responses, String status, String description, String example) {
        // an answer the operation documents with a body stays; the bare one Quarkus adds for secured operations does not
        if (responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null
                && responses.getAPIResponse(status).getContent().getMediaTypes() != null
                && !responses.getAPIResponse(status).getContent().getMediaTypes().isEmpty()) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE, OASFactory.createMediaType()
                        .addExample("problem", OASFactory.createExample().value(parse(example))))));
    }

    /** As a JSON value, so that Swagger UI shows the example as JSON and not as one string. */
    private static Object parse(String json) {
        try {
            return new ObjectMapper().readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("example is not JSON", e);
        }
    }
}
