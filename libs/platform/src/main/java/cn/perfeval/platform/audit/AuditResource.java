package cn.perfeval.platform.audit;

import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.RoleNames;
import cn.perfeval.platform.text.PlainName;
import cn.perfeval.platform.text.UnitCode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** {@code GET /api/v1/audit} of every service: the audit trail, admin only, filtered and paged (docs/security.md). */
@Path("/api/v1/audit")
@Authenticated
@Tag(name = "审计", description = "谁在何时改了什么：每次改动一条记录，附改动前后的数据")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public static final String ADMIN = "admin";

    private final AuditTrail audit;
    private final SecurityIdentity identity;

    public AuditResource(AuditTrail audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listAudit", summary = "审计记录（仅管理员）",
            description = "本服务存储的每一次改动（改动前后），以及由事件驱动的每一次改动（操作者为 system:<主题>），"
                    + "可按单位、年度和操作者筛选，分页返回，新的在前。")
    @APIResponse(responseCode = "200", description = "一页审计记录",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuditEntry.PageOfEntries.class),
                    examples = @ExampleObject(name = "page", value = AuditExamples.PAGE)))
    public Page<AuditEntry> list(@QueryParam("unitCode") @UnitCode String unitCode,
                                 @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                 @Parameter(description = "操作者：令牌中的账号，或 system:<主题>")
                                 @QueryParam("actor") @Size(min = 1, max = 200) @PlainName String actor,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                 @Context UriInfo uri) {
        if (!identity.hasRole(ADMIN)) {
            throw ApiException.forbidden("审计记录仅限管理员（admin）查看；" + RoleNames.ofToken(identity.getRoles()));
        }
        AuditEntry.Found found = audit.list(unitCode, year, actor == null || actor.isBlank() ? null : actor, page, size);
        return Page.of(found.entries(), page, size, found.total(), uri);
    }
}
