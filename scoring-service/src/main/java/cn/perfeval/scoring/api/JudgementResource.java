package cn.perfeval.scoring.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.text.PlainName;
import cn.perfeval.platform.text.PlainText;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.JudgementRecord;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.platform.security.Caller;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Path("/api/v1/units/{unitCode}/years/{year}/judgements/{systemCode}")
@Authenticated
@Tag(name = "评判", description = Tags.JUDGEMENTS)
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
    @Schema(description = "评价人对一个评分类指标的评分：给出得分或扣分二者之一")
    public record JudgementRequest(@Schema(description = "得分（分），0 到该指标满分；与 deduction 二选一")
                                   @DecimalMin("0") BigDecimal points,
                                   @Schema(description = "自满分扣除的分数（分），0 到该指标满分；与 points 二选一")
                                   @DecimalMin("0") BigDecimal deduction,
                                   @Schema(description = "评分理由（至多 2000 字）")
                                   @NotBlank @Size(max = 2000) @PlainText String reason,
                                   @Schema(description = "依据，如自评报告的章节（至多 500 字）")
                                   @Size(max = 500) @PlainText String evidence,
                                   @Schema(description = "评价人（姓名或评价组，至多 100 字）")
                                   @NotBlank @Size(max = 100) @PlainName String by,
                                   @Schema(description = "评分时间；缺省为记录时间", format = "date-time")
                                   OffsetDateTime at) {
    }

    /** A recorded judgement. */
    @Schema(description = "一条已记录的评分")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JudgementView(String unitCode, int year, String systemCode, String indicatorCode,
                                @Schema(description = "该指标的第几条评分（从 1 起），即 ETag 中的版本号") long version,
                                @Schema(description = "指标名称") String indicatorName,
                                @Schema(description = "指标满分（分）") BigDecimal maxPoints,
                                @Schema(description = "得分（分）") BigDecimal points,
                                @Schema(description = "自满分扣除的分数（分）；以得分评分时省略") BigDecimal deduction,
                                @Schema(description = "评分理由") String reason,
                                @Schema(description = "依据") String evidence,
                                @Schema(description = "评价人") String by,
                                @Schema(description = "评分时间", format = "date-time") OffsetDateTime at,
                                @Schema(description = "记录时间", format = "date-time") OffsetDateTime recordedAt,
                                @Schema(description = "是否已按此评分重新计分（该单位年度的预算数据到达后才计分）") boolean rescored) {
    }

    @PUT
    @Path("/{indicatorCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putJudgement", summary = "记录一个指标的评分",
            description = "评分类指标的自评评分，由本单位的财政人员（单位自评）、单位所在县的评价人员或管理员记录：得分或扣分不超过指标满分，并写明理由。县级复核的评分另见“县级复核”（PUT …/reviews/…），不计入自评得分。每条评分都保留，最新一条计入得分；"
                    + "该单位年度的预算数据已到达时，立即按存储的数据重新计分并发布计分事件。已有评分时须带 If-Match（当前评分的 ETag），"
                    + "以免覆盖他人在此期间的评分。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JudgementRequest.class),
            examples = {@ExampleObject(name = "points", value = Examples.JUDGEMENT_REQUEST),
                    @ExampleObject(name = "deduction", value = Examples.JUDGEMENT_DEDUCTION_REQUEST)}))
    @APIResponse(responseCode = "200", description = "已记录",
            headers = @Header(name = "ETag", description = "该评分的版本号", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JudgementView.class),
                    examples = @ExampleObject(name = "judgement", value = Examples.JUDGEMENT)))
    @APIResponse(responseCode = "400", description = "得分或扣分超出 0 到满分、同时给出或都未给出得分和扣分、缺少理由，或该指标按数据计算而非评分")
    @APIResponse(responseCode = "404", description = "没有此指标体系，或指标体系中没有此指标")
    @APIResponse(responseCode = "412", description = "If-Match 的版本已不是当前评分的版本：他人已修改，请重新读取后再提交")
    @APIResponse(responseCode = "428", description = "该指标已有评分，修改时须带 If-Match（当前评分的 ETag）")
    public Response judge(@PathParam("unitCode") @UnitCode String unitCode,
                          @PathParam("year") @Min(2000) @Max(2100) int year,
                          @PathParam("systemCode") @Size(max = 64) String systemCode,
                          @PathParam("indicatorCode") @Size(max = 64) String indicatorCode,
                          @HeaderParam("If-Match") String ifMatch,
                          @NotNull @Valid JudgementRequest request) {
        access.judge(unitCode, year);
        Long expected = Versions.ifMatch(ifMatch);
        JudgementRecord j = scoring.judge(caller.actor(), unitCode, year, systemCode, indicatorCode,
                new ScoringService.JudgementInput(request.points(), request.deduction(), request.reason(),
                        request.evidence(), request.by(), request.at()), expected);
        return Response.ok(view(j, scoring.snapshot(unitCode, year).isPresent()))
                .header(HttpHeaders.ETAG, Versions.etag(j.version)).build();
    }

    @GET
    @Path("/{indicatorCode}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getJudgement", summary = "一个指标的当前评分",
            description = "该单位年度在此指标体系下对此指标的最新一条评分；ETag 为其版本号，修改时作为 If-Match 送回。")
    @APIResponse(responseCode = "200", description = "当前评分",
            headers = @Header(name = "ETag", description = "该评分的版本号", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JudgementView.class),
                    examples = @ExampleObject(name = "judgement", value = Examples.JUDGEMENT)))
    @APIResponse(responseCode = "404", description = "此指标尚无评分")
    public Response get(@PathParam("unitCode") @UnitCode String unitCode,
                        @PathParam("year") @Min(2000) @Max(2100) int year,
                        @PathParam("systemCode") @Size(max = 64) String systemCode,
                        @PathParam("indicatorCode") @Size(max = 64) String indicatorCode) {
        access.readUnit(unitCode, year);
        JudgementRecord j = JudgementRecord.current(unitCode, year, systemCode).get(indicatorCode);
        if (j == null) {
            throw ApiException.notFound("单位 " + unitCode + " " + year + " 年度在指标体系 " + systemCode + " 下尚无指标 "
                    + indicatorCode + " 的评分");
        }
        return Response.ok(view(j, false)).header(HttpHeaders.ETAG, Versions.etag(j.version)).build();
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listJudgements", summary = "单位年度在一个指标体系下的当前评分",
            description = "每个已评分指标的最新一条评分，按首次评分的先后排列。")
    @APIResponse(responseCode = "200", description = "当前评分；尚无评分时为空",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.Judgements.class),
                    examples = @ExampleObject(name = "judgements", value = Examples.JUDGEMENTS)))
    @APIResponse(responseCode = "404", description = "没有此指标体系")
    public Page<JudgementView> current(@PathParam("unitCode") @UnitCode String unitCode,
                                       @PathParam("year") @Min(2000) @Max(2100) int year,
                                       @PathParam("systemCode") @Size(max = 64) String systemCode,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                       @Context UriInfo uri) {
        access.readUnit(unitCode, year);
        requireSystem(systemCode);
        return Page.slice(JudgementRecord.current(unitCode, year, systemCode).values().stream().map(j -> view(j, false)).toList(),
                page, size, uri);
    }

    @GET
    @Path("/{indicatorCode}/history")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getJudgementHistory", summary = "一个指标的全部评分",
            description = "此指标的每一条评分（各版本），按记录先后排列；最后一条为当前评分。")
    @APIResponse(responseCode = "200", description = "评分历史；从未评分时为空",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.Judgements.class),
                    examples = @ExampleObject(name = "history", value = Examples.JUDGEMENT_HISTORY)))
    @APIResponse(responseCode = "404", description = "没有此指标体系")
    public Page<JudgementView> history(@PathParam("unitCode") @UnitCode String unitCode,
                                       @PathParam("year") @Min(2000) @Max(2100) int year,
                                       @PathParam("systemCode") @Size(max = 64) String systemCode,
                                       @PathParam("indicatorCode") @Size(max = 64) String indicatorCode,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                       @Context UriInfo uri) {
        access.readUnit(unitCode, year);
        requireSystem(systemCode);
        return Page.slice(JudgementRecord.history(unitCode, year, systemCode, indicatorCode).stream()
                .map(j -> view(j, false)).toList(), page, size, uri);
    }

    private void requireSystem(String systemCode) {
        if (systems.find(systemCode).isEmpty()) {
            throw ApiException.notFound("没有代码为 " + systemCode + " 的指标体系");
        }
    }

    private JudgementView view(JudgementRecord j, boolean rescored) {
        var leaf = systems.find(j.systemCode).flatMap(s -> s.leaf(j.indicatorCode));
        return new JudgementView(j.unitCode, j.fiscalYear, j.systemCode, j.indicatorCode, j.version,
                leaf.map(IndicatorSystem.Node::name).orElse(null), leaf.map(IndicatorSystem.Node::maxPoints).orElse(null),
                j.points, j.deduction, j.reason, j.evidence, j.judgedBy, j.judgedAt, j.recordedAt, rescored);
    }
}
