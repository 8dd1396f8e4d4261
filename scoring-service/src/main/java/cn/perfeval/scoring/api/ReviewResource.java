package cn.perfeval.scoring.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.platform.text.PlainText;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.ReviewJudgementRecord;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.scoring.service.ScoringService;
import cn.perfeval.scoring.service.SystemCatalog;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The county's review (县级复核) of a unit-year: the evaluator's own points per indicator, kept apart
 * from the unit's self-score judgements; the review score they give is in the score ({@code review}).
 */
@Path("/api/v1/units/{unitCode}/years/{year}/reviews/{systemCode}")
@Authenticated
@Tag(name = "县级复核", description = Tags.REVIEWS)
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ScoringService scoring;
    private final SystemCatalog systems;
    private final AccessPolicy access;
    private final Caller caller;

    public ReviewResource(ScoringService scoring, SystemCatalog systems, AccessPolicy access, Caller caller) {
        this.scoring = scoring;
        this.systems = systems;
        this.access = access;
        this.caller = caller;
    }

    @Schema(description = "评价人对一个指标的复核评分")
    public record ReviewRequest(@Schema(description = "复核得分（分），0 到该指标满分，至多两位小数")
                                @NotNull @DecimalMin("0") BigDecimal points,
                                @Schema(description = "复核理由（至多 2000 字）")
                                @NotBlank @Size(max = 2000) @PlainText String reason,
                                @Schema(description = "依据，如复核工作底稿（至多 500 字）")
                                @Size(max = 500) @PlainText String evidence) {
    }

    @Schema(description = "一条已记录的复核评分")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewView(String unitCode, int year, String systemCode, String indicatorCode,
                             @Schema(description = "该指标的第几条复核评分（从 1 起），即 ETag 中的版本号") long version,
                             @Schema(description = "指标名称") String indicatorName,
                             @Schema(description = "指标满分（分）") BigDecimal maxPoints,
                             @Schema(description = "复核得分（分）") BigDecimal points,
                             @Schema(description = "复核理由") String reason,
                             @Schema(description = "依据") String evidence,
                             @Schema(description = "复核人（令牌中的用户名）") String by,
                             @Schema(description = "记录时间", format = "date-time") OffsetDateTime recordedAt,
                             @Schema(description = "是否已按此复核评分重新计分（该单位年度的预算数据到达后才计分）") boolean rescored) {
    }

    @PUT
    @Path("/{indicatorCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putReview", summary = "记录一个指标的复核评分",
            description = "县级复核：评价人对单位自评的任一指标（按数据计算、按绩效目标计分或评分类）重新评分，写明复核理由。"
                    + "复核评分与单位自评的评分分开记录，不改变自评得分；每条都保留，最新一条计入复核得分。该单位年度的预算数据已到达时，"
                    + "立即重新计分：自评得分不变，得分中的 review 给出复核总分、等次和偏差，并发布带 review 的计分事件。"
                    + "已有复核评分时须带 If-Match（当前复核评分的 ETag）。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewRequest.class),
            examples = @ExampleObject(name = "review", value = Examples.REVIEW_REQUEST)))
    @APIResponse(responseCode = "200", description = "已记录",
            headers = @Header(name = "ETag", description = "该复核评分的版本号", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class),
                    examples = @ExampleObject(name = "review", value = Examples.REVIEW)))
    @APIResponse(responseCode = "400", description = "复核得分超出 0 到满分或多于两位小数，或缺少复核理由")
    @APIResponse(responseCode = "404", description = "没有此指标体系，或指标体系中没有此指标")
    @APIResponse(responseCode = "412", description = "If-Match 的版本已不是当前复核评分的版本：他人已修改，请重新读取后再提交")
    @APIResponse(responseCode = "428", description = "该指标已有复核评分，修改时须带 If-Match（当前复核评分的 ETag）")
    public Response review(@PathParam("unitCode") @UnitCode String unitCode,
                           @PathParam("year") @Min(2000) @Max(2100) int year,
                           @PathParam("systemCode") @Size(max = 64) String systemCode,
                           @PathParam("indicatorCode") @Size(max = 64) String indicatorCode,
                           @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ReviewRequest request) {
        access.review(unitCode, year);
        Long expected = Versions.ifMatch(ifMatch);
        ReviewJudgementRecord r = scoring.review(caller.actor(), unitCode, year, systemCode, indicatorCode,
                new ScoringService.ReviewInput(request.points(), request.reason(), request.evidence()), expected);
        return Response.ok(view(r, scoring.snapshot(unitCode, year).isPresent()))
                .header(HttpHeaders.ETAG, Versions.etag(r.version)).build();
    }

    @GET
    @Path("/{indicatorCode}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getReview", summary = "一个指标的当前复核评分",
            description = "该单位年度在此指标体系下对此指标的最新一条复核评分；ETag 为其版本号，修改时作为 If-Match 送回。")
    @APIResponse(responseCode = "200", description = "当前复核评分",
            headers = @Header(name = "ETag", description = "该复核评分的版本号", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class),
                    examples = @ExampleObject(name = "review", value = Examples.REVIEW)))
    @APIResponse(responseCode = "404", description = "此指标尚无复核评分")
    public Response get(@PathParam("unitCode") @UnitCode String unitCode,
                        @PathParam("year") @Min(2000) @Max(2100) int year,
                        @PathParam("systemCode") @Size(max = 64) String systemCode,
                        @PathParam("indicatorCode") @Size(max = 64) String indicatorCode) {
        access.readUnit(unitCode, year);
        ReviewJudgementRecord r = ReviewJudgementRecord.current(unitCode, year, systemCode).get(indicatorCode);
        if (r == null) {
            throw ApiException.notFound("单位 " + unitCode + " " + year + " 年度在指标体系 " + systemCode + " 下尚无指标 "
                    + indicatorCode + " 的复核评分");
        }
        return Response.ok(view(r, false)).header(HttpHeaders.ETAG, Versions.etag(r.version)).build();
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listReviews", summary = "单位年度在一个指标体系下的当前复核评分",
            description = "每个已复核指标的最新一条复核评分，按首次复核的先后排列。")
    @APIResponse(responseCode = "200", description = "当前复核评分；尚未复核时为空",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.Reviews.class),
                    examples = @ExampleObject(name = "reviews", value = Examples.REVIEWS)))
    @APIResponse(responseCode = "404", description = "没有此指标体系")
    public Page<ReviewView> current(@PathParam("unitCode") @UnitCode String unitCode,
                                    @PathParam("year") @Min(2000) @Max(2100) int year,
                                    @PathParam("systemCode") @Size(max = 64) String systemCode,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                    @Context UriInfo uri) {
        access.readUnit(unitCode, year);
        requireSystem(systemCode);
        return Page.slice(ReviewJudgementRecord.current(unitCode, year, systemCode).values().stream()
                .map(r -> view(r, false)).toList(), page, size, uri);
    }

    @GET
    @Path("/{indicatorCode}/history")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getReviewHistory", summary = "一个指标的全部复核评分",
            description = "此指标的每一条复核评分（各版本），按记录先后排列；最后一条为当前复核评分。")
    @APIResponse(responseCode = "200", description = "复核评分历史；从未复核时为空",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.Reviews.class),
                    examples = @ExampleObject(name = "history", value = Examples.REVIEW_HISTORY)))
    @APIResponse(responseCode = "404", description = "没有此指标体系")
    public Page<ReviewView> history(@PathParam("unitCode") @UnitCode String unitCode,
                                    @PathParam("year") @Min(2000) @Max(2100) int year,
                                    @PathParam("systemCode") @Size(max = 64) String systemCode,
                                    @PathParam("indicatorCode") @Size(max = 64) String indicatorCode,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                    @Context UriInfo uri) {
        access.readUnit(unitCode, year);
        requireSystem(systemCode);
        return Page.slice(ReviewJudgementRecord.history(unitCode, year, systemCode, indicatorCode).stream()
                .map(r -> view(r, false)).toList(), page, size, uri);
    }

    private void requireSystem(String systemCode) {
        if (systems.find(systemCode).isEmpty()) {
            throw ApiException.notFound("没有代码为 " + systemCode + " 的指标体系");
        }
    }

    private ReviewView view(ReviewJudgementRecord r, boolean rescored) {
        var leaf = systems.find(r.systemCode).flatMap(s -> s.leaf(r.indicatorCode));
        return new ReviewView(r.unitCode, r.fiscalYear, r.systemCode, r.indicatorCode, r.version,
                leaf.map(IndicatorSystem.Node::name).orElse(null), leaf.map(IndicatorSystem.Node::maxPoints).orElse(null),
                r.points, r.reason, r.evidence, r.judgedBy, r.recordedAt, rescored);
    }
}
