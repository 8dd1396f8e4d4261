package cn.perfeval.scoring.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.NotScored;
import cn.perfeval.scoring.domain.ReviewScore;
import cn.perfeval.scoring.domain.ScoreBasis;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.scoring.service.NotScoredMarks;
import cn.perfeval.scoring.service.ScoreReads;
import cn.perfeval.scoring.service.ScoringService;
import cn.perfeval.scoring.service.SystemCatalog;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.util.Optional;

@Path("/api/v1/units/{unitCode}/years/{year}/score")
@Authenticated
@Tag(name = "得分", description = Tags.SCORES)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private final ScoringService scoring;
    private final SystemCatalog systems;
    private final AccessPolicy access;
    private final NotScoredMarks marks;
    private final ScoreReads reads;

    public ScoreResource(ScoringService scoring, SystemCatalog systems, AccessPolicy access, NotScoredMarks marks,
                         ScoreReads reads) {
        this.marks = marks;
        this.reads = reads;
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
                                    description = "完整结果：各指标得分及计算过程、各级小计、与单位公布得分的差异") String result,
                            @Schema(description = "该单位年度最新收到的预算数据是否已计分（当前状态，不随 asOf 变化）："
                                    + "SCORED 已计分；NOT_SCORED 最新的预算数据未能计分（见 notScored），此处的得分是较早的"
                                    + "预算数据（budgetVersion）的得分，已过时", enumeration = {"SCORED", "NOT_SCORED"},
                                    required = true) String status,
                            @Schema(description = "计分状态的中文名称", enumeration = {"已计分", "未计分"},
                                    required = true) String statusLabel,
                            @Schema(description = "最新的预算数据为何未能计分；已计分时省略", nullable = true) NotScoredView notScored,
                            @Schema(implementation = ScoreBasis.class, required = true,
                                    description = "得分的依据：年终得分，或按截至某月的数据计算的预计得分（projected 为 true，"
                                            + "label 如 “预计得分（截至7月）”），以及尚缺的数据") ScoreBasis basis,
                            @JsonRawValue @JsonInclude(JsonInclude.Include.NON_NULL)
                            @Schema(implementation = ReviewScore.class,
                                    description = "县级复核：评价人复核了此指标体系下的指标时，给出复核总分、等次、与自评的偏差及各复核指标的说明；"
                                            + "尚未复核时省略") String review) {

        /** A score without a review. */
        public ScoreView(String unitCode, int year, long version, long budgetVersion, OffsetDateTime computedAt,
                         BigDecimal total, BigDecimal maxTotal, String grade, boolean complete, String result,
                         String status, String statusLabel, NotScoredView notScored, ScoreBasis basis) {
            this(unitCode, year, version, budgetVersion, computedAt, total, maxTotal, grade, complete, result, status,
                    statusLabel, notScored, basis, null);
        }

        static ScoreView of(String unitCode, int year, long version, long budgetVersion, OffsetDateTime computedAt,
                            BigDecimal total, BigDecimal maxTotal, String grade, boolean complete, String result,
                            Optional<NotScored> mark, ScoreBasis basis, String review) {
            NotScoredView why = mark.map(NotScoredView::of).orElse(null);
            return new ScoreView(unitCode, year, version, budgetVersion, computedAt, total, maxTotal, grade, complete,
                    result, why == null ? SCORED : NOT_SCORED, why == null ? "已计分" : "未计分", why, basis, review);
        }
    }

    static final String SCORED = "SCORED";
    static final String NOT_SCORED = "NOT_SCORED";

    /** Why the newest budget data of a unit-year is not scored. */
    @Schema(description = "最新的预算数据未能计分的原因：该预算数据事件已转入待处理队列（死信主题），"
            + "待同一单位年度该版本或更新版本的有效预算数据计分后清除")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NotScoredView(
            @Schema(description = "原因类别：UNREADABLE 数据无法读取，UNSUPPORTED_VERSION 数据格式版本不支持，"
                    + "INVALID 数据不完整或不合规，PROCESSING_FAILED 计分失败（多次重试后）",
                    enumeration = {"UNREADABLE", "UNSUPPORTED_VERSION", "INVALID", "PROCESSING_FAILED"}) String cause,
            @Schema(description = "原因类别的中文名称", enumeration = {"数据无法读取", "数据格式版本不支持", "数据不完整或不合规",
                    "计分失败"}) String causeLabel,
            @Schema(description = "原因的说明") String reason,
            @Schema(description = "未能计分的预算数据版本号；数据无法读取时可能省略", nullable = true) Long budgetVersion,
            @Schema(description = "计分尝试的次数；数据无法读取或不合规时为 0") int attempts,
            @Schema(description = "自何时起未计分（该单位年度上次计分后第一次转入待处理队列的时间）", format = "date-time")
            OffsetDateTime since) {

        static NotScoredView of(NotScored n) {
            return new NotScoredView(n.cause.name(), n.cause.label(), n.reason, n.budgetVersion, n.attempts, n.since);
        }

        /** The 404 detail when there is no older score: which unit-year, why, which version, since when. */
        String detail(String unitCode, int year) {
            return "单位 " + unitCode + " " + year + " 年度未计分：" + reason
                    + (budgetVersion == null ? "" : "（第 " + budgetVersion + " 版预算数据）")
                    + "，自 " + since.withOffsetSameInstant(java.time.ZoneOffset.ofHours(8))
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "（北京时间）起";
        }
    }

    /** One line of the history. */
    @Schema(description = "一次计分的摘要")
    public record HistoryEntry(@Schema(description = "第几次计分（从 1 起）") long version,
                               @Schema(description = "计分所用预算数据的版本号") long budgetVersion,
                               @Schema(description = "计分时间", format = "date-time") OffsetDateTime computedAt,
                               @Schema(description = "总分（分）") BigDecimal total,
                               @Schema(description = "等次（如 优、良、中、差）") String grade,
                               @Schema(description = "是否各指标均已计分") boolean complete,
                               @Schema(description = "所用指标体系的版本号") int systemVersion,
                               @Schema(description = "是否为预计得分（预算数据尚无年终实际支出）", required = true) boolean projected,
                               @Schema(description = "预计得分所用分月执行数据的最近月份（1–12）；没有时为 null", nullable = true,
                                       minimum = "1", maximum = "12") Integer asOfMonth,
                               @Schema(description = "得分依据的中文标示：年终得分，或 预计得分（截至N月）", required = true)
                               String basisLabel) {
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getScore", summary = "单位年度的当前得分",
            description = "该单位年度在指定指标体系（system，缺省为其所在县该年度分配的指标体系）下最近一次计分的完整结果，"
                    + "每个指标都有计算过程和理由；给出 asOf（ISO-8601 时间）时，为该时间及以前最近一次计分的结果。"
                    + "status 说明最新收到的预算数据是否已计分：其事件无法读取或计分多次失败而转入待处理队列时为 NOT_SCORED，"
                    + "notScored 给出原因；此时返回的是较早的预算数据的得分（已过时），没有较早的得分时答 404，detail 说明原因。"
                    + "basis 说明得分的依据：预算数据尚无年终实际支出时为按截至某月数据计算的预计得分（projected 为 true，"
                    + "label 如 “预计得分（截至7月）”），missing 列出尚缺的数据；按绩效目标计分的指标在 result 中列出各目标的得分和说明（targets）。"
                    + "县的评价人员复核了指标（PUT …/reviews/…）时，review 给出复核总分、等次、与自评的偏差（自评减复核）及各复核指标的说明；"
                    + "自评得分不受复核影响。")
    @APIResponse(responseCode = "200", description = "当前得分",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreView.class),
                    examples = {@ExampleObject(name = "score", value = Examples.SCORE),
                            @ExampleObject(name = "reviewed", summary = "县的评价人员复核了一个指标：自评得分不变，review 给出复核得分和偏差",
                                    value = Examples.SCORE_REVIEWED),
                            @ExampleObject(name = "projected", summary = "预计得分（截至7月），产出按绩效目标计分，尚缺年终完成值",
                                    value = Examples.SCORE_PROJECTED),
                            @ExampleObject(name = "notScored", summary = "最新的预算数据未能计分，返回较早的得分",
                                    value = Examples.SCORE_NOT_SCORED)}))
    @APIResponse(responseCode = "400", description = "未知的指标体系，或 asOf 不是带时区的时间")
    @APIResponse(responseCode = "404", description = "该单位年度在此指标体系下尚未计分（或在 asOf 时尚未计分）；"
            + "其预算数据因无法读取或计分失败而转入待处理队列时，detail 说明原因、预算数据版本和起始时间")
    public ScoreView current(@PathParam("unitCode") @UnitCode String unitCode,
                             @PathParam("year") @Min(2000) @Max(2100) int year,
                             @QueryParam("system") String systemCode,
                             @QueryParam("asOf") String asOf) {
        access.readUnit(unitCode, year);
        if (asOf == null || asOf.isBlank()) {
            // the frequent read, score and mark in one statement; when it finds nothing, the checks below say why
            var stored = reads.current(unitCode, year, systemCode);
            if (stored.isPresent()) {
                var s = stored.get();
                return ScoreView.of(s.unitCode(), s.fiscalYear(), s.version(), s.budgetVersion(), s.computedAt(),
                        s.total(), s.maxTotal(), s.grade(), s.complete(), s.result(), s.mark(), scoring.basis(s.basis()),
                        s.review());
            }
        }
        Optional<NotScored> mark = marks.find(unitCode, year);
        String code = systemCode(systems, scoring, unitCode, year, systemCode);
        ScoreRecord r;
        if (asOf == null || asOf.isBlank()) {
            r = ScoreRecord.current(unitCode, year, code)
                    .orElseThrow(() -> ApiException.notFound(mark.map(m -> NotScoredView.of(m).detail(unitCode, year))
                            .orElseGet(() -> notScored(unitCode, year, code))));
        } else {
            OffsetDateTime at = parseInstant(asOf);
            r = ScoreRecord.asOf(unitCode, year, code, at)
                    .orElseThrow(() -> ApiException.notFound(notScored(unitCode, year, code) + "（截至 " + asOf + "）"));
        }
        return ScoreView.of(r.unitCode, r.fiscalYear, r.seq, r.budgetVersion, r.computedAt, r.total, r.maxTotal,
                r.grade, r.complete, r.result, mark, scoring.basis(r.basis), r.review);
    }

    static String notScored(String unitCode, int year, String systemCode) {
        return "单位 " + unitCode + " " + year + " 年度在指标体系 " + systemCode + " 下尚未计分";
    }

    @GET
    @Path("/history")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getScoreHistory", summary = "单位年度的计分历史",
            description = "该单位年度在指定指标体系（system，缺省为分配的指标体系）下的每一次计分，按时间先后排列；"
                    + "预计得分（预算数据尚无年终实际支出时）标有 projected 和 basisLabel（如 “预计得分（截至7月）”）。")
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
                .map(r -> new HistoryEntry(r.seq, r.budgetVersion, r.computedAt, r.total, r.grade, r.complete, r.systemVersion,
                        r.projected, r.asOfMonth, ScoreBasis.label(r.projected, r.asOfMonth)))
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
