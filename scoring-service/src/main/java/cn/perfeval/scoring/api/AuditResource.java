package cn.perfeval.scoring.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.scoring.service.AuditTrail;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@Authenticated
@Tag(name = "Audit trail", description = "Every change: who, when, what, and the state before and after")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail audit;
    private final AccessPolicy access;

    public AuditResource(AuditTrail audit, AccessPolicy access) {
        this.audit = audit;
        this.access = access;
    }

    @GET
    @Operation(summary = "List the audit trail, newest first (admin only)",
            description = "Every stored change (indicator systems and versions, assignments, judgements, published scores) "
                    + "and every recomputation driven by a budget event (actor system:budget-events), filtered by unit, "
                    + "year and actor, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "audit", value = Examples.AUDIT)))
    @APIResponse(responseCode = "400", description = "A malformed filter or page",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID_AUDIT)))
    public AuditTrail.Page list(@QueryParam("unit") @UnitCode String unit,
                                @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                @QueryParam("actor") @Size(min = 1, max = 200) String actor,
                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        access.admin("read the audit trail");
        return audit.list(unit, year, actor, page, size);
    }
}
