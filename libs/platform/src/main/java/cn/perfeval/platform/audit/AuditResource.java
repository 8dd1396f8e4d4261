package cn.perfeval.platform.audit;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.TreeSet;

/** {@code GET /api/audit} of every service: the audit trail, admin only, filtered and paged (docs/security.md). */
@Path("/api/audit")
@Authenticated
@Tag(name = "Audit trail", description = "Who changed what and when: one entry per change, with the data before and after")
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
    @Operation(summary = "The audit trail, newest first (admin only)",
            description = "Every change this service stored (before and after), and every change an event drove "
                    + "(actor system:<topic>), filtered by unit, year and actor, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = AuditExamples.PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = AuditExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "unauthorized", value = AuditExamples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = AuditExamples.FORBIDDEN)))
    public AuditEntry.Page list(@Parameter(description = "unit code") @QueryParam("unit") @UnitCode String unit,
                                @Parameter(description = "fiscal year") @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                @Parameter(description = "actor (upn/sub, or system:<topic>)") @QueryParam("actor") @Size(min = 1, max = 200) @PlainName String actor,
                                @Parameter(description = "page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                                @Parameter(description = "entries per page, 1–200") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        if (!identity.hasRole(ADMIN)) {
            throw ApiException.forbidden("the audit trail requires the role admin (token roles "
                    + new TreeSet<>(identity.getRoles()) + ")");
        }
        return audit.list(unit, year, actor == null || actor.isBlank() ? null : actor, page, size);
    }
}
