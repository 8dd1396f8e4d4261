package cn.perfeval.scoring.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.scoring.domain.Assignment;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.scoring.service.ScoringService;
import cn.perfeval.scoring.service.SystemCatalog;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;

@Path("/api/assignments/{county}/{year}")
@Authenticated
@Tag(name = "Assignments", description = "Which indicator system version scores the unit-years of a county and year")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    private final ScoringService scoring;
    private final SystemCatalog systems;
    private final AccessPolicy access;
    private final Caller caller;

    public AssignmentResource(ScoringService scoring, SystemCatalog systems, AccessPolicy access, Caller caller) {
        this.scoring = scoring;
        this.systems = systems;
        this.access = access;
        this.caller = caller;
    }

    public record AssignmentRequest(@NotBlank @Size(max = 64) String systemCode, @NotNull @Min(1) Integer version) {
    }

    public record AssignmentView(String county, int fiscalYear, String systemCode, int version, OffsetDateTime assignedAt,
                                 boolean defaulted) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign an indicator system version to a county and year",
            description = "Every unit-year of the county and year whose budget data has arrived is rescored with it at once.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "assignment", value = Examples.ASSIGNMENT_REQUEST)))
    @APIResponse(responseCode = "200", description = "Assigned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "assignment", value = Examples.ASSIGNMENT)))
    @APIResponse(responseCode = "400", description = "Unknown system or version",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID_ASSIGNMENT)))
    public AssignmentView assign(@PathParam("county") @Size(min = 1, max = 100) String county,
                                 @PathParam("year") @Min(2000) @Max(2100) int year,
                                 @NotNull @Valid AssignmentRequest request) {
        access.admin("assign indicator systems");
        Assignment a = scoring.assign(caller.actor(), county, year, request.systemCode(), request.version());
        return new AssignmentView(county, year, a.systemCode, a.systemVersion, a.assignedAt, false);
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The system version that scores a county and year", description = "The configured default when none is assigned.")
    @APIResponse(responseCode = "200", description = "The assignment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "assignment", value = Examples.ASSIGNMENT)))
    public AssignmentView get(@PathParam("county") @Size(min = 1, max = 100) String county,
                              @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.readCatalog();
        Assignment a = Assignment.findById(new Assignment.Key(county, year));
        if (a == null) {
            var d = systems.defaultSystem();
            return new AssignmentView(county, year, d.code(), d.version(), null, true);
        }
        return new AssignmentView(county, year, a.systemCode, a.systemVersion, a.assignedAt, false);
    }
}
