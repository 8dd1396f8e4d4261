package cn.perfeval.report.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.report.domain.AuditEntry;
import cn.perfeval.report.security.AccessPolicy;
import cn.perfeval.report.service.AuditTrail;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail", description = "Who changed what and when: narrative saves and read-model updates from events")
@Authenticated
@SecurityRequirement(name = "bearer")
public class AuditResource {

    private final AuditTrail audit;
    private final AccessPolicy access;

    public AuditResource(AuditTrail audit, AccessPolicy access) {
        this.audit = audit;
        this.access = access;
    }

    @GET
    @Operation(summary = "The audit trail, newest first (admin only)",
            description = "Every narrative save (before and after) and every read-model update applied from an event "
                    + "(actor system:<topic>, after = the event's id, version and a short summary).")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = Examples.AUDIT_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "unauthorized", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = Examples.FORBIDDEN)))
    public AuditEntry.Page list(@Parameter(description = "unit code") @QueryParam("unit") @UnitCode String unit,
                                @Parameter(description = "fiscal year") @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                @Parameter(description = "actor (upn/sub, or system:<topic>)") @QueryParam("actor") @Size(min = 1, max = 200) String actor,
                                @Parameter(description = "page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                                @Parameter(description = "entries per page, 1–200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        access.readAudit();
        return audit.list(unit, year, actor, page, size);
    }
}
