package cn.perfeval.report.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.report.domain.Narrative;
import cn.perfeval.report.domain.NarrativeVersion;
import cn.perfeval.report.security.AccessPolicy;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.report.service.NarrativeService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/units/{unitCode}/years/{year}/narrative")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Narrative", description = "The sections of a report written by people, versioned per unit-year")
@Authenticated
@SecurityRequirement(name = "bearer")
public class NarrativeResource {

    private final NarrativeService narratives;
    private final AccessPolicy access;
    private final Caller caller;

    public NarrativeResource(NarrativeService narratives, AccessPolicy access, Caller caller) {
        this.narratives = narratives;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The current narrative of a unit-year",
            description = "The newest saved version; version 0 is the skeleton a new report starts from. ETag = version.")
    @APIResponse(responseCode = "200", description = "The newest version, or the skeleton (version 0)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "narrative", value = Examples.NARRATIVE_VERSION)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "unauthorized", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The token may not read this unit (finance: own unit only; evaluator: own county only)",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = Examples.FORBIDDEN)))
    @APIResponse(responseCode = "400", description = "Invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    public Response current(@PathParam("unitCode") @UnitCode String unitCode,
                            @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.readUnit(unitCode, year);
        NarrativeVersion v = narratives.current(unitCode, year);
        return Response.ok(v).tag(new EntityTag(Long.toString(v.version()))).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a new version of the narrative",
            description = "Every save is a new version; texts are stored exactly as given (a line break separates paragraphs). "
                    + "With If-Match, the save is refused when someone saved in between.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "golden", value = Examples.NARRATIVE)))
    @APIResponse(responseCode = "200", description = "The saved version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "saved", value = Examples.NARRATIVE_VERSION)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "unauthorized", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "Only admin and finance of this unit save its narrative",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = Examples.FORBIDDEN)))
    @APIResponse(responseCode = "400", description = "Invalid body, unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "413", description = "The body is larger than 4 MB",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "too large", value = Examples.TOO_LARGE)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.STALE)))
    public Response save(@PathParam("unitCode") @UnitCode String unitCode,
                         @PathParam("year") @Min(2000) @Max(2100) int year,
                         @Parameter(description = "the version the edit started from") @HeaderParam("If-Match") String ifMatch,
                         @NotNull @Valid Narrative narrative) {
        access.writeNarrative(unitCode);
        NarrativeVersion v = narratives.save(unitCode, year, narrative, expected(ifMatch), caller.actor());
        return Response.ok(v).tag(new EntityTag(Long.toString(v.version()))).build();
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every saved version of the narrative, oldest first")
    @APIResponse(responseCode = "200", description = "The history (empty when nothing was saved)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "history", value = Examples.NARRATIVE_HISTORY)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "unauthorized", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The token may not read this unit (finance: own unit only; evaluator: own county only)",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = Examples.FORBIDDEN)))
    @APIResponse(responseCode = "400", description = "Invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    public List<NarrativeVersion> history(@PathParam("unitCode") @UnitCode String unitCode,
                                          @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.readUnit(unitCode, year);
        return narratives.history(unitCode, year);
    }

    @GET
    @Path("/versions/{version}")
    @Operation(summary = "One saved version of the narrative")
    @APIResponse(responseCode = "200", description = "That version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "narrative", value = Examples.NARRATIVE_VERSION)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "unauthorized", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The token may not read this unit (finance: own unit only; evaluator: own county only)",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = Examples.FORBIDDEN)))
    @APIResponse(responseCode = "400", description = "Invalid unit code, year or version",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.NARRATIVE_NOT_FOUND)))
    public NarrativeVersion version(@PathParam("unitCode") @UnitCode String unitCode,
                                    @PathParam("year") @Min(2000) @Max(2100) int year,
                                    @PathParam("version") @Min(1) long version) {
        access.readUnit(unitCode, year);
        return narratives.version(unitCode, year, version).orElseThrow(() -> ApiException.notFound(
                "the narrative of " + unitCode + " in " + year + " has no version " + version));
    }

    private static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("If-Match", "must be a version number such as \"3\"", ifMatch);
        }
    }
}
