package cn.perfeval.report.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.platform.text.PlainText;
import cn.perfeval.report.render.DocxRenderer;
import cn.perfeval.report.render.HtmlRenderer;
import cn.perfeval.report.render.RenderMetrics;
import cn.perfeval.report.season.ReviewSummaryAssembler;
import cn.perfeval.report.season.ReviewSummaryXlsx;
import cn.perfeval.report.season.SampleRequest;
import cn.perfeval.report.season.SampleService;
import cn.perfeval.report.season.SampleView;
import cn.perfeval.report.season.SeasonOverview;
import cn.perfeval.report.season.SeasonOverviewService;
import cn.perfeval.report.security.AccessPolicy;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The county's side of a season (docs/season.md, 复核与抽查): samples for re-evaluation (抽查复核), the
 * overview for dashboards and the county review document (自评复核情况汇总).
 */
@Path("/api/v1/counties/{county}/years/{year}/season")
@Tag(name = "自评复核与抽查")
@Authenticated
public class SeasonReviewResource {

    static final Map<String, String> FORMATS = formats();

    private final SampleService samples;
    private final SeasonOverviewService overviews;
    private final AccessPolicy access;
    private final Caller caller;
    private final RenderMetrics metrics;

    public SeasonReviewResource(SampleService samples, SeasonOverviewService overviews, AccessPolicy access, Caller caller,
                                RenderMetrics metrics) {
        this.samples = samples;
        this.overviews = overviews;
        this.access = access;
        this.caller = caller;
        this.metrics = metrics;
    }

    private static Map<String, String> formats() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("html", MediaType.TEXT_HTML);
        m.put("docx", ReportResource.DOCX);
        m.put("xlsx", ReportResource.XLSX);
        return m;
    }

    @POST
    @Path("/samples")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "drawSeasonSample", summary = "抽取抽查复核单位",
            description = "管理员或该县的评价人员。总体为该县该年度自评季中至少提交过一次的单位（按代码排序）；随机抽取 比例×总体数÷100（向上取整）个："
                    + "按“种子:单位代码”的 SHA-256 摘要排序取前若干个，同一种子、同一总体总是得到同样的单位；不给种子时由服务生成并记录。"
                    + "另可按规则加入单位（EXCELLENT_WITH_FINDINGS：最近一次提交自评为优而所提交的预算数据有错误或警告；"
                    + "LARGE_DEVIATION_LAST_YEAR：上年度该县自评季复核偏差的绝对值超过上年度阈值）。每次抽取依次编号并记录种子、总体和各单位的原因。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SampleRequest.class),
            examples = @ExampleObject(name = "二成加规则", value = SeasonReviewExamples.SAMPLE_REQUEST)))
    @APIResponse(responseCode = "201", description = "已抽取并记录；Location 为这次抽取的地址",
            headers = @Header(name = "Location", description = "这次抽取的地址（…/season/samples/{number}）", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SampleView.class),
                    examples = @ExampleObject(name = "第1次抽取", value = SeasonReviewExamples.SAMPLE)))
    @APIResponse(responseCode = "400", description = "请求体、县名或年度无效（比例不在大于0至100之间或超过两位小数，种子为负数或过大，规则代码未知，有未知的字段）")
    @APIResponse(responseCode = "404", description = "该县该年度尚未开启自评季")
    @APIResponse(responseCode = "409", description = "该县该年度自评季尚无单位提交，没有可供抽查的单位")
    public Response draw(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                         @PathParam("year") @Min(2000) @Max(2100) int year,
                         @NotNull @Valid SampleRequest body, @Context UriInfo uri) {
        mayDraw(county);
        SampleView v = samples.draw(county, year, body, caller.actor());
        return Response.created(uri.getBaseUriBuilder().path("api/v1/counties/{county}/years/{year}/season/samples/{number}")
                .build(county, year, v.number())).entity(v).build();
    }

    @GET
    @Path("/samples")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listSeasonSamples", summary = "抽查复核抽取记录",
            description = "该县该年度自评季的各次抽取，从最近的一次起；每次含比例、种子、规则、总体和抽中的单位及原因。")
    @APIResponse(responseCode = "200", description = "一页抽取记录",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SamplePage.class),
                    examples = @ExampleObject(name = "一次抽取", value = SeasonReviewExamples.SAMPLE_PAGE)))
    @APIResponse(responseCode = "400", description = "县名、年度、页码或每页条数无效")
    @APIResponse(responseCode = "404", description = "该县该年度尚未开启自评季")
    public Page<SampleView> list(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                                 @PathParam("year") @Min(2000) @Max(2100) int year,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                 @Context UriInfo uri) {
        access.readCountySummary(county);
        long[] total = new long[1];
        List<SampleView> items = samples.list(county, year, page, size, total);
        return Page.of(items, page, size, total[0], uri);
    }

    @GET
    @Path("/samples/{number}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSeasonSample", summary = "一次抽查复核抽取",
            description = "比例、种子、规则、总体、随机抽取的方法和抽中的单位及原因；用同一种子和总体可重现随机部分。")
    @APIResponse(responseCode = "200", description = "这次抽取",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SampleView.class),
                    examples = @ExampleObject(name = "第1次抽取", value = SeasonReviewExamples.SAMPLE)))
    @APIResponse(responseCode = "400", description = "县名、年度或序号无效")
    @APIResponse(responseCode = "404", description = "该县该年度尚未开启自评季，或没有这一次抽取")
    public SampleView get(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                          @PathParam("year") @Min(2000) @Max(2100) int year,
                          @Parameter(description = "抽取的序号，从1起", example = "1") @PathParam("number") @Min(1) @Max(1_000_000) int number) {
        access.readCountySummary(county);
        return samples.get(county, year, number);
    }

    @GET
    @Path("/overview")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSeasonOverview", summary = "自评季概况（看板）",
            description = "截止日期和偏差阈值；各状态的任务数（含0）；逾期单位（今天已过截止日期而仍为未开始、填报中或已退回，北京时间）及逾期天数；"
                    + "各单位最近一次提交的自评得分和等级、评分服务当前的复核得分和等级、偏差（自评−复核）、是否超过阈值（自评质量）及说明、是否在最近一次抽查中；"
                    + "自评与复核的等次分布；最近一次抽查。")
    @APIResponse(responseCode = "200", description = "概况",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeasonOverview.class),
                    examples = @ExampleObject(name = "湘潭县2024年", value = SeasonReviewExamples.OVERVIEW)))
    @APIResponse(responseCode = "400", description = "县名或年度无效")
    @APIResponse(responseCode = "404", description = "该县该年度尚未开启自评季")
    public SeasonOverview overview(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                                   @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.readCountySummary(county);
        return overviews.overview(county, year);
    }

    @GET
    @Path("/review-report")
    @Produces({MediaType.TEXT_HTML, ReportResource.DOCX, ReportResource.XLSX})
    @Operation(operationId = "getSeasonReviewReport", summary = "县级部门整体支出绩效自评复核情况汇总",
            description = "版式同其他县级文件（GB/T 9704）：一、总体情况（任务数、各状态数、逾期单位、复核情况、等级分布）；二、各单位自评及复核情况"
                    + "（序号、单位、状态、自评得分、自评等级、复核得分、复核等级、偏差、自评质量）；三、抽查复核情况（最近一次抽取的单位及原因）；"
                    + "四、自评质量问题单位（重新评分的指标及复核理由）。XLSX 为三张表：复核汇总、抽查复核、复核指标。"
                    + "格式由 format 参数选择（docx、xlsx、html），未给出时按 Accept 请求头选择；同一天相同的数据得到相同的字节。")
    @APIResponse(responseCode = "200", description = "所选格式的汇总", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, description = "可打印的独立 HTML 文档（A4）")),
            @Content(mediaType = ReportResource.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "Word 文档，版式按 GB/T 9704-2012")),
            @Content(mediaType = ReportResource.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "Excel 工作簿，得分为数值单元格"))})
    @APIResponse(responseCode = "400", description = "format 不是 docx、xlsx、html 之一，或县名、年度无效")
    @APIResponse(responseCode = "404", description = "该县该年度尚未开启自评季")
    @APIResponse(responseCode = "406", description = "Accept 请求头中没有本服务能提供的格式（可提供：HTML、DOCX、XLSX）")
    public Response reviewReport(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                                 @PathParam("year") @Min(2000) @Max(2100) int year,
                                 @Parameter(description = "文件格式；不给出时按 Accept 请求头选择",
                                         schema = @Schema(type = SchemaType.STRING, enumeration = {"docx", "xlsx", "html"}))
                                 @QueryParam("format") String format,
                                 @Context HttpHeaders headers) {
        access.readCountySummary(county);
        String chosen = ReportResource.chooseFormat(format, headers.getAcceptableMediaTypes(), FORMATS);
        SeasonOverview o = overviews.overview(county, year);
        Object body = metrics.render("season-review-report", chosen, () -> switch (chosen) {
            case "docx" -> DocxRenderer.render(ReviewSummaryAssembler.document(o));
            case "xlsx" -> ReviewSummaryXlsx.render(o);
            default -> HtmlRenderer.render(ReviewSummaryAssembler.document(o));
        });
        return Documents.answer(body, chosen, FORMATS.get(chosen), Documents.Disposition.ATTACHMENT, "season-review-" + year);
    }

    /** Drawing a sample: admin, or evaluator of that county. */
    private void mayDraw(String county) {
        if (caller.is(Caller.ADMIN)) {
            return;
        }
        if (caller.is(Caller.EVALUATOR)) {
            Optional<String> own = caller.county();
            if (own.isPresent() && own.get().equals(county)) {
                return;
            }
            throw ApiException.forbidden(own.isEmpty()
                    ? "评价人员的令牌没有所属县（county），不能抽取任何县的抽查复核单位"
                    : "评价人员只能抽取本县的抽查复核单位（令牌所属县" + own.get() + "，请求的县" + county + "）");
        }
        throw ApiException.forbidden("抽取" + county + "的抽查复核单位须为管理员或该县的评价人员");
    }

    /** The schema of one page of samples in the OpenAPI document; the answer itself is a {@link Page}. */
    @Schema(name = "SamplePage", description = "抽查复核抽取记录的一页，从最近的一次起")
    public record SamplePage(
            @Schema(description = "本页的抽取") List<SampleView> items,
            @Schema(description = "页码，从 0 起") int page,
            @Schema(description = "每页条数（1–200）") int size,
            @Schema(description = "抽取的总次数") long total,
            @Schema(description = "本页、首页、上一页、下一页和末页的链接") Page.Links links) {
    }
}
