package cn.perfeval.scoring.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.scoring.service.ScoringService;
import cn.perfeval.scoring.service.SystemCatalog;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.quarkus.security.Authenticated;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/scores/{unitCode}/{year}")
@Authenticated
@Tag(name = "Scores", description = "Indicator scores, total and grade of a unit-year")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private static final String NOT_FOUND = """
            {"type": "urn:perfeval:problem:not-found", "title": "Not found", "status": 404,
             "detail": "no score for unit 114303210062309155 in 2024 under xiangtan-county",
             "instance": "/api/scores/114303210062309155/2024"}""";

    private static final String UNKNOWN_SYSTEM = """
            {"type": "urn:perfeval:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "unknown indicator system; see GET /api/systems", "instance": "/api/scores/114303210062309155/2024",
             "errors": [{"field": "system", "message": "unknown indicator system; see GET /api/systems", "rejected": "nope"}]}""";

    private static final String HISTORY = """
            [{"version": 1, "budgetVersion": 3, "computedAt": "2026-11-26T20:10:00.456Z", "total": 23, "grade": "差", "complete": false, "systemVersion": 1},
             {"version": 2, "budgetVersion": 3, "computedAt": "2026-11-26T20:12:00.120Z", "total": 93, "grade": "优", "complete": true, "systemVersion": 1}]""";

    private static final String SCORE = """
            {"unitCode": "114303210062309155", "fiscalYear": 2024, "version": 8, "budgetVersion": 3,
             "computedAt": "2026-11-26T20:12:00.120Z", "total": 93, "maxTotal": 100, "grade": "优", "complete": true,
             "result": {"systemCode": "xiangtan-county", "systemVersion": 1, "systemName": "湘潭县部门整体支出绩效评价指标体系（县级模板）",
               "total": 93, "maxTotal": 100, "grade": "优", "complete": true,
               "groups": [{"code": "A", "name": "预算执行", "parent": null, "maxPoints": 30, "points": 28}],
               "indicators": [{"code": "B1", "name": "管理制度健全", "group": "B", "maxPoints": 5, "points": 4, "status": "SCORED",
                 "rule": "评价人评分", "explanation": "管理制度健全：评价人 县财政局评价组 评分，满分 5 分，扣 1 分，得 4 分。理由：…",
                 "judgement": {"points": 4, "deduction": 1, "reason": "…", "evidence": "自评报告", "by": "县财政局评价组",
                               "at": "2026-11-26T20:11:00Z"}}],
               "inconsistencies": [{"kind": "GRADE", "published": "良", "computed": "优",
                 "message": "公布等级为“良”，按指标体系的等级标准，总分 93 分应为“优”"}]}}""";

    private final ScoringService scoring;
    private final SystemCatalog systems;
    private final AccessPolicy access;

    public ScoreResource(ScoringService scoring, SystemCatalog systems, AccessPolicy access) {
        this.scoring = scoring;
        this.systems = systems;
        this.access = access;
    }

    /**
     * A stored recomputation with its full result. The result is sent as stored: it was written
     * by this service's own mapper from a {@link ScoreResult}, so parsing and writing it again for
     * every read would only cost time (it is most of the response).
     */
    public record ScoreView(String unitCode, int fiscalYear, long version, long budgetVersion,
                            OffsetDateTime computedAt, BigDecimal total, BigDecimal maxTotal, String grade,
                            boolean complete,
                            @JsonRawValue @Schema(implementation = ScoreResult.class) String result) {
    }

    /** One line of the history. */
    public record HistoryEntry(long version, long budgetVersion, OffsetDateTime computedAt, BigDecimal total,
                               String grade, boolean complete, int systemVersion) {
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Current score of a unit-year",
            description = "The latest recomputation under the given indicator system (default: the one assigned), every indicator "
                    + "explained; with asOf (ISO-8601), the latest one computed at or before that time.")
    @APIResponse(responseCode = "200", description = "The current result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "score", value = SCORE)))
    @APIResponse(responseCode = "400", description = "Unknown system or malformed asOf",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = UNKNOWN_SYSTEM)))
    @APIResponse(responseCode = "404", description = "Not scored yet",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public ScoreView current(@PathParam("unitCode") @UnitCode String unitCode,
                             @PathParam("year") @Min(2000) @Max(2100) int year,
                             @QueryParam("system") String systemCode,
                             @QueryParam("asOf") String asOf) {
        access.readUnit(unitCode, year);
        if (asOf == null || asOf.isBlank()) {
            // the frequent read, in one statement; when it finds nothing, the checks below say why
            var stored = scoring.currentScore(unitCode, year, systemCode);
            if (stored.isPresent()) {
                var s = stored.get();
                return new ScoreView(s.unitCode(), s.fiscalYear(), s.version(), s.budgetVersion(), s.computedAt(),
                        s.total(), s.maxTotal(), s.grade(), s.complete(), s.result());
            }
        }
        String code = systemCode(systems, scoring, unitCode, year, systemCode);
        ScoreRecord r;
        if (asOf == null || asOf.isBlank()) {
            r = ScoreRecord.current(unitCode, year, code)
                    .orElseThrow(() -> ApiException.notFound("no score for unit " + unitCode + " in " + year + " under " + code));
        } else {
            OffsetDateTime at = parseInstant(asOf);
            r = ScoreRecord.asOf(unitCode, year, code, at)
                    .orElseThrow(() -> ApiException.notFound("no score for unit " + unitCode + " in " + year + " under " + code
                            + " as of " + asOf));
        }
        return new ScoreView(r.unitCode, r.fiscalYear, r.seq, r.budgetVersion, r.computedAt, r.total, r.maxTotal,
                r.grade, r.complete, r.result);
    }

    @GET
    @Path("/history")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Every recomputation of a unit-year, oldest first")
    @APIResponse(responseCode = "200", description = "The history; empty when never scored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "history", value = HISTORY)))
    @APIResponse(responseCode = "400", description = "Unknown system",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = UNKNOWN_SYSTEM)))
    public List<HistoryEntry> history(@PathParam("unitCode") @UnitCode String unitCode,
                                      @PathParam("year") @Min(2000) @Max(2100) int year,
                                      @QueryParam("system") String systemCode) {
        access.readUnit(unitCode, year);
        return ScoreRecord.history(unitCode, year, systemCode(systems, scoring, unitCode, year, systemCode)).stream()
                .map(r -> new HistoryEntry(r.seq, r.budgetVersion, r.computedAt, r.total, r.grade, r.complete, r.systemVersion))
                .toList();
    }

    /** "2026-11-26T20:10:00Z", "2026-11-26T20:10:00+08:00" or a date (its end, UTC). */
    static OffsetDateTime parseInstant(String value) {
        try {
            // an unencoded '+' of an offset arrives as a space
            return OffsetDateTime.parse(value.trim().replace(' ', '+'));
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value).plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC).minusNanos(1);
            } catch (java.time.format.DateTimeParseException e2) {
                throw ApiException.invalid("asOf", "must be an ISO-8601 date-time with offset, e.g. 2026-11-26T20:10:00Z", value);
            }
        }
    }

    /** The requested system, or the one the unit-year's county and year is assigned (the default before data arrives). */
    static String systemCode(SystemCatalog systems, ScoringService scoring, String unitCode, int year, String requested) {
        if (requested == null || requested.isBlank()) {
            String county = scoring.snapshot(unitCode, year).map(s -> s.county).orElse(null);
            return systems.systemFor(county, year).code();
        }
        return systems.find(requested).map(IndicatorSystem::code)
                .orElseThrow(() -> ApiException.invalid("system", "unknown indicator system; see GET /api/systems", requested));
    }
}
