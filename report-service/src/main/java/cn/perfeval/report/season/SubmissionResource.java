package cn.perfeval.report.season;

import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.report.api.Documents;
import cn.perfeval.report.api.ReportResource;
import cn.perfeval.report.security.AccessPolicy;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a unit filed: its submissions, the documents as filed, and what changed since (docs/season.md). */
@Path("/api/v1/units/{unitCode}/years/{year}/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "自评季")
@Authenticated
public class SubmissionResource {

    private static final String MARKDOWN = "text/markdown";

    private final SubmissionService submissions;
    private final AccessPolicy access;

    public SubmissionResource(SubmissionService submissions, AccessPolicy access) {
        this.submissions = submissions;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listSubmissions", summary = "单位年度的各次提交",
            description = "从第1次提交起分页列出；从未提交时为空列表。读者与报告相同。")
    @APIResponse(responseCode = "200", description = "一页提交",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionPage.class),
                    examples = @ExampleObject(name = "中路铺镇2024年", value = SeasonExamples.SUBMISSION_PAGE)))
    @APIResponse(responseCode = "400", description = "单位代码、年度或分页参数无效")
    public Page<SubmissionView> list(@PathParam("unitCode") @UnitCode String unitCode,
                                     @PathParam("year") @Min(2000) @Max(2100) int year,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                     @Context UriInfo uri) {
        access.readUnit(unitCode, year);
        return Page.slice(submissions.list(unitCode, year), page, size, uri);
    }

    @GET
    @Path("/{number}")
    @Operation(operationId = "getSubmission", summary = "单位年度的一次提交",
            description = "所依据的预算数据、评分、文字材料和指标体系的版本，提交人和时间，总分和等次，提交时保存的各格式报告（大小和 SHA-256）。"
                    + "提交的内容不再改变。")
    @APIResponse(responseCode = "200", description = "该次提交",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class),
                    examples = @ExampleObject(name = "中路铺镇2024年第1次提交", value = SeasonExamples.SUBMISSION)))
    @APIResponse(responseCode = "400", description = "单位代码、年度或提交序号无效")
    @APIResponse(responseCode = "404", description = "该单位该年度没有这一次提交")
    public SubmissionView get(@PathParam("unitCode") @UnitCode String unitCode,
                              @PathParam("year") @Min(2000) @Max(2100) int year,
                              @Parameter(description = "提交序号，从1起", example = "1") @PathParam("number") @Min(1) @Max(100000) int number) {
        access.readUnit(unitCode, year);
        return submissions.get(unitCode, year, number).orElseThrow(() -> noSubmission(unitCode, year, number));
    }

    @GET
    @Path("/{number}/report")
    @Produces({MediaType.TEXT_HTML, MARKDOWN, MediaType.APPLICATION_JSON, ReportResource.DOCX, ReportResource.PDF})
    @Operation(operationId = "getSubmissionReport", summary = "提交时的报告（原样）",
            description = "提交时生成并保存的报告，逐字节原样返回（与提交详情中的 SHA-256 一致），以后的数据变化不影响它。"
                    + "格式由 format 参数选择（docx、pdf、html、md、json），未给出时按 Accept 请求头选择；媒体类型与报告接口相同。")
    @APIResponse(responseCode = "200", description = "所选格式的报告（提交时保存的字节）", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "报告的 JSON（提交时保存）"),
                    examples = @ExampleObject(name = "中路铺镇2024年", value = "{\"title\": \"湘潭县中路铺镇人民政府2024年度部门整体支出绩效评价自评报告\"}")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, description = "可打印的独立 HTML 文档（A4）")),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING, description = "CommonMark 文本，表格为管道表格")),
            @Content(mediaType = ReportResource.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "Word 文档，版式按 GB/T 9704-2012")),
            @Content(mediaType = ReportResource.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "PDF 文档，嵌入中文字体"))})
    @APIResponse(responseCode = "400", description = "format 不是 docx、pdf、html、md、json 之一，或单位代码、年度、提交序号无效")
    @APIResponse(responseCode = "404", description = "该单位该年度没有这一次提交，或提交时没有生成该格式（服务器缺少中文字体时不生成 PDF）")
    @APIResponse(responseCode = "406", description = "Accept 请求头中没有本服务能提供的格式（可提供：HTML、Markdown、JSON、DOCX、PDF）")
    public Response report(@PathParam("unitCode") @UnitCode String unitCode,
                           @PathParam("year") @Min(2000) @Max(2100) int year,
                           @Parameter(description = "提交序号，从1起", example = "1") @PathParam("number") @Min(1) @Max(100000) int number,
                           @Parameter(description = "报告格式；不给出时按 Accept 请求头选择",
                                   schema = @Schema(type = SchemaType.STRING, enumeration = {"docx", "pdf", "html", "md", "json"}))
                           @QueryParam("format") String format,
                           @Context HttpHeaders headers) {
        access.readUnit(unitCode, year);
        String chosen = ReportResource.chooseFormat(format, headers.getAcceptableMediaTypes(), ReportResource.FORMATS);
        SubmissionView s = submissions.get(unitCode, year, number).orElseThrow(() -> noSubmission(unitCode, year, number));
        SubmissionService.StoredDocument d = submissions.document(unitCode, year, number, chosen).orElseThrow(() ->
                ApiException.notFound("单位" + unitCode + "在" + year + "年度的第" + s.number() + "次提交没有" + chosen
                        + "格式的报告（提交时服务器缺少中文字体，未生成）"));
        return Documents.answer(d.content(), chosen, d.mediaType(), Documents.Disposition.INLINE,
                "report-" + unitCode + "-" + year + "-" + number);
    }

    @GET
    @Path("/{number}/diff")
    @Operation(operationId = "getSubmissionDiff", summary = "提交时与现在的差异",
            description = "预算数据、评分、文字材料和指标体系的版本（提交时与现在），总分和等次，得分有变化的指标，有变化的文字材料部分，"
                    + "新增或消失的错误、警告级审核发现，以及一句话概述（如“自提交以来预算数据已更新（第5版→第6版），总分未变”）。")
    @APIResponse(responseCode = "200", description = "差异",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionDiff.class),
                    examples = @ExampleObject(name = "预算数据更新后", value = SeasonExamples.DIFF)))
    @APIResponse(responseCode = "400", description = "单位代码、年度或提交序号无效")
    @APIResponse(responseCode = "404", description = "该单位该年度没有这一次提交")
    public SubmissionDiff diff(@PathParam("unitCode") @UnitCode String unitCode,
                               @PathParam("year") @Min(2000) @Max(2100) int year,
                               @Parameter(description = "提交序号，从1起", example = "1") @PathParam("number") @Min(1) @Max(100000) int number) {
        access.readUnit(unitCode, year);
        return submissions.diff(unitCode, year, number).orElseThrow(() -> noSubmission(unitCode, year, number));
    }

    static ApiException noSubmission(String unitCode, int year, int number) {
        return ApiException.notFound("单位" + unitCode + "在" + year + "年度没有第" + number + "次提交");
    }
}
