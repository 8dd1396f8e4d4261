package cn.perfeval.scoring.api;

import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.PlainName;
import cn.perfeval.platform.text.PlainText;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.JudgementRecord;
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
import jakarta.validation.constraints.Pattern;
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

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/units/{unitCode}/years/{year}/judgements/{systemCode}")
@Authenticated
@Tag(name = "Judgements", description = "Evaluators' points for the judged indicators of a unit-year")
@Produces(MediaType.APPLICATION_JSON)
public class JudgementResource {

    private final ScoringService scoring;
    private final SystemCatalog systems;
    private final AccessPolicy access;
    private final Caller caller;

    public JudgementResource(ScoringService scoring, SystemCatalog systems, AccessPolicy access, Caller caller) {
        this.scoring = scoring;
        this.systems = systems;
        this.access = access;
        this.caller = caller;
    }

    /** Points awarded, or a deduction from the maximum (exactly one of the two). */
    public record JudgementRequest(@jakarta.validation.constraints.DecimalMin("0") BigDecimal points, @jakarta.validation.constraints.DecimalMin("0") BigDecimal deduction,
                                   @NotBlank @Size(max = 2000) @PlainText String reason,
                                   @Size(max = 500) @PlainText String evidence,
                                   @NotBlank @Size(max = 100) @PlainName String by,
                                   OffsetDateTime at) {
    }

    /** A recorded judgement. */
    public record JudgementView(String unitCode, int fiscalYear, String systemCode, String indicatorCode,
                                String indicatorName, BigDecimal maxPoints, BigDecimal points, BigDecimal deduction,
                                String reason, String evidence, String by, OffsetDateTime at, OffsetDateTime recordedAt,
                                boolean rescored) {
    }

    @PUT
    @Path("/{indicatorCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a judgement of a judged indicator",
            description = "Validated against the indicator's maximum; kept with every earlier judgement. When the unit-year's "
                    + "budget data has arrived, its score is recomputed from the stored snapshot and announced on score-events.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "points", value = Examples.JUDGEMENT_REQUEST),
            @ExampleObject(name = "deduction", value = Examples.JUDGEMENT_DEDUCTION_REQUEST)}))
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "judgement", value = Examples.JUDGEMENT)))
    @APIResponse(responseCode = "400", description = "Points out of range, both or neither of points and deduction, a computed indicator, or a missing reason",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID_JUDGEMENT)))
    @APIResponse(responseCode = "404", description = "No such system or indicator",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public JudgementView judge(@PathParam("unitCode") @UnitCode String unitCode,
                               @PathParam("year") @Min(2000) @Max(2100) int year,
                               @PathParam("systemCode") @Size(max = 64) String systemCode,
                               @PathParam("indicatorCode") @Size(max = 64) String indicatorCode,
                               @NotNull @Valid JudgementRequest request) {
        access.judge(unitCode, year);
        JudgementRecord j = scoring.judge(caller.actor(), unitCode, year, systemCode, indicatorCode,
                new ScoringService.JudgementInput(request.points(), request.deduction(), request.reason(),
                        request.evidence(), request.by(), request.at()));
        return view(j, scoring.snapshot(unitCode, year).isPresent());
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Current judgements of a unit-year under a system")
    @APIResponse(responseCode = "200", description = "The latest judgement of each judged indicator; empty when none",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "judgements", value = "[" + Examples.JUDGEMENT + "]")))
    public List<JudgementView> current(@PathParam("unitCode") @UnitCode String unitCode,
                                       @PathParam("year") @Min(2000) @Max(2100) int year,
                                       @PathParam("systemCode") @Size(max = 64) String systemCode) {
        access.readUnit(unitCode, year);
        return JudgementRecord.current(unitCode, year, systemCode).values().stream().map(j -> view(j, false)).toList();
    }

    @GET
    @Path("/{indicatorCode}/history")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Every judgement of an indicator, oldest first")
    @APIResponse(responseCode = "200", description = "The history; empty when never judged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "history", value = "[" + Examples.JUDGEMENT + "]")))
    public List<JudgementView> history(@PathParam("unitCode") @UnitCode String unitCode,
                                       @PathParam("year") @Min(2000) @Max(2100) int year,
                                       @PathParam("systemCode") @Size(max = 64) String systemCode,
                                       @PathParam("indicatorCode") @Size(max = 64) String indicatorCode) {
        access.readUnit(unitCode, year);
        return JudgementRecord.history(unitCode, year, systemCode, indicatorCode).stream().map(j -> view(j, false)).toList();
    }

    private JudgementView view(JudgementRecord j, boolean rescored) {
        var leaf = systems.find(j.systemCode).flatMap(s -> s.leaf(j.indicatorCode));
        return new JudgementView(j.unitCode, j.fiscalYear, j.systemCode, j.indicatorCode,
                leaf.map(IndicatorSystem.Node::name).orElse(null), leaf.map(IndicatorSystem.Node::maxPoints).orElse(null),
                j.points, j.deduction, j.reason, j.evidence, j.judgedBy, j.judgedAt, j.recordedAt, rescored);
    }
}
