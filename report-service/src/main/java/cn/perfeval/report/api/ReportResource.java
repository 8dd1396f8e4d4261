package cn.perfeval.report.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.security.AccessPolicy;
import cn.perfeval.report.service.ReportService;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/units/{unitCode}/years/{year}/report")
@Tag(name = "报告")
@Authenticated
public class ReportResource {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";
    static final String MARKDOWN = "text/markdown";
    /** An indicator system code as scoring-service names them (e.g. xiangtan-county). */
    static final String SYSTEM_CODE = "[A-Za-z0-9._-]{1,64}";
    /** Formats by the name of the {@code format} parameter, in the order preferred for {@code Accept: *}{@code /*}. */
    public static final Map<String, String> FORMATS = formats();

    private final ReportService reports;
    private final SystemScores systems;
    private final AccessPolicy access;

    public ReportResource(ReportService reports, AccessPolicy access, SystemScores systems) {
        this.systems = systems;
        this.reports = reports;
        this.access = access;
    }

    private static Map<String, String> formats() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("html", MediaType.TEXT_HTML);
        m.put("md", MARKDOWN);
        m.put("json", MediaType.APPLICATION_JSON);
        m.put("docx", DOCX);
        m.put("pdf", PDF);
        return m;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, MARKDOWN, MediaType.APPLICATION_JSON, DOCX, PDF})
    @Operation(operationId = "getReport", summary = "单位年度绩效评价自评报告",
            description = "由本服务从预算数据和评分事件中保存的数据以及文字材料组装而成，预算服务和评分服务停止时也能生成。"
                    + "格式由 format 参数选择（docx、pdf、html、md、json），未给出时按 Accept 请求头选择。"
                    + "相同的输入得到相同的内容；报告注明其依据的预算数据、评分和文字材料的版本。")
    @APIResponse(responseCode = "200", description = "所选格式的报告", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportDocument.class),
                    examples = @ExampleObject(name = "中路铺镇2024年", value = Examples.REPORT_JSON)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, description = "可打印的独立 HTML 文档（A4）")),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING, description = "CommonMark 文本，表格为管道表格")),
            @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "Word 文档，版式按 GB/T 9704-2012")),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "PDF 文档，嵌入中文字体"))})
    @APIResponse(responseCode = "400", description = "format 不是 docx、pdf、html、md、json 之一，或单位代码、年度、指标体系代码无效")
    @APIResponse(responseCode = "404", description = "本服务尚未收到该单位该年度的预算数据，或该单位年度没有 system 所指的指标体系下的得分")
    @APIResponse(responseCode = "406", description = "Accept 请求头中没有本服务能提供的格式（可提供：HTML、Markdown、JSON、DOCX、PDF）")
    @APIResponse(responseCode = "503", description = "请求 PDF 但服务器上没有中文字体（detail 指明应安装的软件包，其他格式不受影响）；或暂时连不上数据库",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "pdf-font-missing", summary = "没有中文字体", value = Examples.NO_FONT),
                    @ExampleObject(name = "database-unavailable", summary = "暂时连不上数据库", value = Examples.DATABASE_UNAVAILABLE)}))
    public Response report(@PathParam("unitCode") @UnitCode String unitCode,
                           @PathParam("year") @Min(2000) @Max(2100) int year,
                           @Parameter(description = "报告格式；不给出时按 Accept 请求头选择",
                                   schema = @Schema(type = SchemaType.STRING, enumeration = {"docx", "pdf", "html", "md", "json"}))
                           @QueryParam("format") String format,
                           @Parameter(description = "指标体系代码；不给出时使用该县指定的指标体系的评分（无指定时为最新评分）") @QueryParam("system") @Pattern(regexp = SYSTEM_CODE) String system,
                           @Context HttpHeaders headers) {
        access.readUnit(unitCode, year);
        String chosen = chooseFormat(format, headers.getAcceptableMediaTypes(), FORMATS);
        systems.requireForUnit(unitCode, year, system);
        ReportDocument doc = reports.report(unitCode, year, system)
                .orElseThrow(() -> ApiException.notFound("本服务尚未收到单位" + unitCode + "在" + year + "年度的预算数据"));
        Object body = reports.render(doc, chosen);
        return Documents.answer(body, chosen, FORMATS.get(chosen), Documents.Disposition.INLINE,
                "report-" + unitCode + "-" + year);
    }

    /** The format parameter wins; else the first accepted media type that a format offers. */
    public static String chooseFormat(String format, List<MediaType> accepted, Map<String, String> formats) {
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase();
            if (!formats.containsKey(f)) {
                throw ApiException.invalid("format", "须为以下格式之一：" + String.join("、", formats.keySet()), format);
            }
            return f;
        }
        for (MediaType a : accepted) {
            for (Map.Entry<String, String> f : formats.entrySet()) {
                if (a.isCompatible(MediaType.valueOf(f.getValue()))) {
                    return f.getKey();
                }
            }
        }
        throw new NotAcceptableException("Accept 请求头中没有可提供的格式；可提供：" + String.join("、", formats.values()));
    }
}
