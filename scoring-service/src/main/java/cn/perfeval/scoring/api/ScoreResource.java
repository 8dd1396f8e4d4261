package cn.perfeval.scoring.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.problem.ApiException;
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
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/v1/units/{unitCode}/years/{year}/score")
@Authenticated
@Tag(name = "得分", description = Tags.SCORES)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

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
    @Schema(description = "单位某年度在一个指标体系下的一次计分结果")
    public record ScoreView(String unitCode, int year,
                            @Schema(description = "该单位年度在此指标体系下的第几次计分（从 1 起）") long version,
                            @Schema(description = "计分所用预算数据的版本号（预算服务中该单位年度数据的版本）") long budgetVersion,
                            @Schema(description = "计分时间", format = "date-time") OffsetDateTime computedAt,
                            @Schema(description = "总分（分）") BigDecimal total,
                            @Schema(description = "满分（分）") BigDecimal maxTotal,
                            @Schema(description = "等次，按指标体系的等次标准由总分得出（如 优、良、中、差）") String grade,
                            @Schema(description = "是否各指标均已计分（评价人评分的指标均已评分、所需数据均已到达）") boolean complete,
                            @JsonRawValue @Schema(implementation = ScoreResult.class,
                                    description = "完整结果：各指标得分及计算过程、各级小计、与单位公布得分的差异") String result) {
    }

    /** One line of the history. */
    @Schema(description = "一次计分的摘要")
    public record HistoryEntry(@Schema(description = "第几次计分（从 1 起）") long version,
                               @Schema(description = "计分所用预算数据的版本号") long budgetVersion,
                               @Schema(description = "计分时间", format = "date-time") OffsetDateTime computedAt,
                               @Schema(description = "总分（分）") BigDecimal total,
                               @Schema(description = "等次（如 优、良、中、差）") String grade,
                               @Schema(description = "是否各指标均已计分") boolean complete,
                               @Schema(description = "所用指标体系的版本号") int systemVersion) {
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getScore", summary = "单位年度的当前得分",
            description = "该单位年度在指定指标体系（system，缺省为其所在县该年度分配的指标体系）下最近一次计分的完整结果，"
                    + "每个指标都有计算过程和理由；给出 asOf（ISO-8601 时间）时，为该时间及以前最近一次计分的结果。")
    @APIResponse(responseCode = "200", description = "当前得分",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreView.class),
                    examples = @ExampleObject(name = "score", value = Examples.SCORE)))
    @APIResponse(responseCode = "400", description = "未知的指标体系，或 asOf 不是带时区的时间")
    @APIResponse(responseCode = "404", description = "该单位年度在此指标体系下尚未计分（或在 asOf 时尚未计分）")
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
                    .orElseThrow(() -> ApiException.notFound(notScored(unitCode, year, code)));
        } else {
            OffsetDateTime at = parseInstant(asOf);
            r = ScoreRecord.asOf(unitCode, year, code, at)
                    .orElseThrow(() -> ApiException.notFound(notScored(unitCode, year, code) + "（截至 " + asOf + "）"));
        }
        return new ScoreView(r.unitCode, r.fiscalYear, r.seq, r.budgetVersion, r.computedAt, r.total, r.maxTotal,
                r.grade, r.complete, r.result);
    }

    static String notScored(String unitCode, int year, String systemCode) {
        return "单位 " + unitCode + " " + year + " 年度在指标体系 " + systemCode + " 下尚未计分";
    }

    @GET
    @Path("/history")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getScoreHistory", summary = "单位年度的计分历史",
            description = "该单位年度在指定指标体系（system，缺省为分配的指标体系）下的每一次计分，按时间先后排列。")
    @APIResponse(responseCode = "200", description = "计分历史；从未计分时为空",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.ScoreHistory.class),
                    examples = @ExampleObject(name = "history", value = Examples.SCORE_HISTORY)))
    @APIResponse(responseCode = "400", description = "未知的指标体系")
    @APIResponse(responseCode = "404", description = "路径不对应任何资源（如县名或单位代码为空）")
    public Page<HistoryEntry> history(@PathParam("unitCode") @UnitCode String unitCode,
                                      @PathParam("year") @Min(2000) @Max(2100) int year,
                                      @QueryParam("system") String systemCode,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                      @Context UriInfo uri) {
        access.readUnit(unitCode, year);
        List<HistoryEntry> all = ScoreRecord.history(unitCode, year, systemCode(systems, scoring, unitCode, year, systemCode))
                .stream()
                .map(r -> new HistoryEntry(r.seq, r.budgetVersion, r.computedAt, r.total, r.grade, r.complete, r.systemVersion))
                .toList();
        return Page.slice(all, page, size, uri);
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
                throw ApiException.invalid("asOf", "应为带时区的 ISO-8601 时间（如 2026-11-26T20:10:00Z）或日期（如 2026-11-26）", value);
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
                .orElseThrow(() -> ApiException.invalid("system", "没有代码为 " + requested + " 的指标体系；现有指标体系见 GET /api/v1/systems", requested));
    }
}
