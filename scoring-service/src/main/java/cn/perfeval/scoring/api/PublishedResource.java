package cn.perfeval.scoring.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.scoring.domain.Consistency;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.Published;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.scoring.service.ScoringService;
import cn.perfeval.scoring.service.SystemCatalog;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/units/{unitCode}/years/{year}")
@Authenticated
@Tag(name = "Published scores", description = "What a unit published, and where it differs from the computed result")
@Produces(MediaType.APPLICATION_JSON)
public class PublishedResource {

    private final ScoringService scoring;
    private final SystemCatalog systems;
    private final AccessPolicy access;
    private final Caller caller;

    public PublishedResource(ScoringService scoring, SystemCatalog systems, AccessPolicy access, Caller caller) {
        this.scoring = scoring;
        this.systems = systems;
        this.access = access;
        this.caller = caller;
    }

    public record InconsistencyView(String unitCode, int fiscalYear, String systemCode, Long version,
                                    List<ScoreResult.Inconsistency> inconsistencies) {
    }

    @PUT
    @Path("/published")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the scores a unit published",
            description = "Indicator points with their printed working (\"307/4988=6.2%\"), group subtotals, total and grade. "
                    + "The unit-year is rescored so that its score event lists the differences.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "published", value = Examples.PUBLISHED)))
    @APIResponse(responseCode = "200", description = "Recorded; the body is what was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "published", value = Examples.PUBLISHED)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID_PUBLISHED)))
    public Published record(@PathParam("unitCode") @UnitCode String unitCode,
                            @PathParam("year") @Min(2000) @Max(2100) int year,
                            @NotNull @Valid Published published) {
        access.recordPublished(unitCode);
        scoring.recordPublished(caller.actor(), unitCode, year, published);
        return published;
    }

    @GET
    @Path("/published")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The scores a unit published, as recorded")
    @APIResponse(responseCode = "200", description = "The latest recording",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "published", value = Examples.PUBLISHED)))
    @APIResponse(responseCode = "404", description = "Nothing recorded",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public Published published(@PathParam("unitCode") @UnitCode String unitCode,
                               @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.readUnit(unitCode, year);
        return scoring.published(unitCode, year)
                .orElseThrow(() -> ApiException.notFound("no published scores of unit " + unitCode + " in " + year));
    }

    @GET
    @Path("/inconsistencies")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Where the published scores differ from the computed result",
            description = "Compared with the current result under the given system (default: the one assigned to the unit-year): "
                    + "indicator points, printed figures and values, group subtotals, total, and the grade by the system's bands.")
    @APIResponse(responseCode = "200", description = "The differences; empty when they agree",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "inconsistencies", value = Examples.INCONSISTENCIES)))
    @APIResponse(responseCode = "400", description = "Unknown system",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.UNKNOWN_SYSTEM)))
    @APIResponse(responseCode = "404", description = "Nothing published or not scored yet",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public InconsistencyView inconsistencies(@PathParam("unitCode") @UnitCode String unitCode,
                                             @PathParam("year") @Min(2000) @Max(2100) int year,
                                             @QueryParam("system") String systemCode) {
        access.readUnit(unitCode, year);
        Published published = scoring.published(unitCode, year)
                .orElseThrow(() -> ApiException.notFound("no published scores of unit " + unitCode + " in " + year));
        String code = ScoreResource.systemCode(systems, scoring, unitCode, year, systemCode);
        ScoreRecord r = ScoreRecord.current(unitCode, year, code)
                .orElseThrow(() -> ApiException.notFound("no score for unit " + unitCode + " in " + year + " under " + code));
        IndicatorSystem system = systems.find(r.systemCode, r.systemVersion).orElseThrow();
        return new InconsistencyView(unitCode, year, code, r.seq, Consistency.compare(published, scoring.parse(r), system));
    }
}
