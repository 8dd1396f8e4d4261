package cn.perfeval.scoring.api;

import cn.perfeval.platform.openapi.ApiConventions;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;

/**
 * The platform's conventions, after mending what the document says of the platform's audit trail
 * (GET /api/v1/audit): {@code before}/{@code after} come out of the scan as Jackson's node class (an
 * array with its getters as properties: {@code type = OBJECT} on them does not override that), so no
 * real entry validates against them; here they become any JSON value. The page gets a schema where it
 * has none. A stopgap until libs/platform documents them itself; then {@code mp.openapi.filter} names
 * {@link ApiConventions} again and this class goes.
 */
public class AuditDocument extends ApiConventions {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Schema entry = openAPI.getComponents().getSchemas().get("AuditEntry");
            if (entry != null && entry.getProperties() != null) {
                anyJson(entry, "before", "改动前的数据（JSON）；新建时没有");
                anyJson(entry, "after", "改动后的数据（JSON）");
                openAPI.getComponents().removeSchema("JsonNode");
                openAPI.getComponents().removeSchema("JsonNodeType");
            }
        }
        PathItem audit = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/api/v1/audit");
        if (audit != null && audit.getGET() != null && audit.getGET().getResponses() != null
                && audit.getGET().getResponses().getAPIResponse("200") != null
                && audit.getGET().getResponses().getAPIResponse("200").getContent() != null) {
            MediaType json = audit.getGET().getResponses().getAPIResponse("200").getContent().getMediaType("application/json");
            if (json != null && json.getSchema() == null) {
                json.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .description("审计记录的一页")
                        .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).description("本页的条目")
                                .items(OASFactory.createSchema().ref("AuditEntry")))
                        .addProperty("page", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("页码，从 0 起"))
                        .addProperty("size", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("每页条数（1–200）"))
                        .addProperty("total", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).description("全部条目的数目"))
                        .addProperty("links", OASFactory.createSchema().ref("PageLinks").description("本页、首页、上一页、下一页和末页的链接")));
            }
        }
        super.filterOpenAPI(openAPI);
    }

    private static void anyJson(Schema entry, String property, String description) {
        if (entry.getProperties().containsKey(property)) {
            entry.addProperty(property, OASFactory.createSchema().description(description));
        }
    }

}
