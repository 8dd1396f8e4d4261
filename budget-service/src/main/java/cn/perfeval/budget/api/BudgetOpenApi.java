package cn.perfeval.budget.api;

import cn.perfeval.platform.openapi.ApiConventions;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * The platform's conventions ({@link ApiConventions}), plus what the shared audit operation
 * ({@code GET /api/v1/audit}, libs/platform) does not declare yet: the schema of its page, and
 * {@code before}/{@code after} as JSON objects instead of the scanned internals of a JSON tree. Each repair
 * acts only where the document still lacks it, so it falls silent once the platform declares them.
 */
public class BudgetOpenApi extends ApiConventions {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        repairAudit(openAPI);
        super.filterOpenAPI(openAPI);
    }

    static void repairAudit(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        Map<String, Schema> schemas = components == null ? null : components.getSchemas();
        if (schemas == null) {
            return;
        }
        Schema entry = schemas.get("AuditEntry");
        if (entry != null && entry.getProperties() != null) {
            for (String name : List.of("before", "after")) {
                Schema property = entry.getProperties().get(name);
                if (property != null && property.getRef() != null && property.getRef().endsWith("/JsonNode")) {
                    entry.addProperty(name, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                            .description(property.getDescription()));
                }
            }
            for (String scanned : List.of("JsonNode", "JsonNodeType")) {
                if (schemas.containsKey(scanned)) {
                    components.removeSchema(scanned);
                }
            }
        }
        PathItem audit = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/api/v1/audit");
        Operation get = audit == null ? null : audit.getGET();
        APIResponse ok = get == null || get.getResponses() == null ? null : get.getResponses().getAPIResponse("200");
        MediaType json = ok == null || ok.getContent() == null ? null : ok.getContent().getMediaType("application/json");
        if (json != null && json.getSchema() == null && entry != null) {
            components.addSchema("AuditPage", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                    .description("一页审计记录")
                    .addProperty("items", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                            .description("本页的审计记录，新的在前").items(ref("AuditEntry")))
                    .addProperty("page", integer())
                    .addProperty("size", integer())
                    .addProperty("total", integer())
                    .addProperty("links", ref("PageLinks")));
            json.setSchema(ref("AuditPage"));
        }
    }

    private static Schema integer() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER));
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }
}
