package cn.perfeval.scoring.api;

import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.scoring.service.ScoringService;
import cn.perfeval.scoring.service.SystemCatalog;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/scores/{unitCode}/{year}")
@Tag(name = "Scores", description = "Indicator scores, total and grade of a unit-year")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private static final String NOT_FOUND = """
            {"type": "urn:perfeval:problem:not-found", "title": "Not found", "status": 404,
             "detail": "no score for unit 114303210062309155 in 2024 under xiangtan-county",
             "instance": "/api/scores/114303210062309155/2024"}""";

    private final ScoringService scoring;
    private final SystemCatalog systems;

    public ScoreResource(ScoringService scoring, SystemCatalog systems) {
        this.scoring = scoring;
        this.systems = systems;
    }

    /** A stored recomputation with its full result. */
    public record ScoreView(String unitCode, int fiscalYear, long version, long budgetVersion,
                            OffsetDateTime computedAt, BigDecimal total, BigDecimal maxTotal, String grade,
                            boolean complete, ScoreResult result) {
    }

    /** One line of the history. */
    public record HistoryEntry(long version, long budgetVersion, OffsetDateTime computedAt, BigDecimal total,
                               String grade, boolean complete) {
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Current score of a unit-year",
            description = "The latest recomputation under the given indicator system (default: the one assigned), every indicator explained.")
    @APIResponse(responseCode = "200", description = "The current result")
    @APIResponse(responseCode = "404", description = "Not scored yet",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public ScoreView current(@PathParam("unitCode") @Pattern(regexp = "[0-9A-Z]{1,32}") String unitCode,
                             @PathParam("year") @Min(2000) @Max(2100) int year,
                             @QueryParam("system") String systemCode) {
        String code = systemCode(systemCode);
        ScoreRecord r = ScoreRecord.current(unitCode, year, code)
                .orElseThrow(() -> ApiException.notFound("no score for unit " + unitCode + " in " + year + " under " + code));
        return new ScoreView(r.unitCode, r.fiscalYear, r.seq, r.budgetVersion, r.computedAt, r.total, r.maxTotal,
                r.grade, r.complete, scoring.parse(r));
    }

    @GET
    @Path("/history")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Every recomputation of a unit-year, oldest first")
    @APIResponse(responseCode = "200", description = "The history; empty when never scored")
    public List<HistoryEntry> history(@PathParam("unitCode") @Pattern(regexp = "[0-9A-Z]{1,32}") String unitCode,
                                      @PathParam("year") @Min(2000) @Max(2100) int year,
                                      @QueryParam("system") String systemCode) {
        return ScoreRecord.history(unitCode, year, systemCode(systemCode)).stream()
                .map(r -> new HistoryEntry(r.seq, r.budgetVersion, r.computedAt, r.total, r.grade, r.complete))
                .toList();
    }

    private String systemCode(String requested) {
        if (requested == null || requested.isBlank()) {
            return systems.systemFor(null, 0).code();
        }
        return systems.find(requested).map(IndicatorSystem::code)
                .orElseThrow(() -> ApiException.invalid("system", "unknown indicator system; see GET /api/systems", requested));
    }
}
