package cn.perfeval.report.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.text.PlainText;
import cn.perfeval.report.domain.CountySummary;
import cn.perfeval.report.render.RenderMetrics;
import cn.perfeval.report.render.SummaryRenderer;
import cn.perfeval.report.security.AccessPolicy;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Pattern;
import cn.perfeval.report.service.SummaryService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
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
import java.util.Map;

@Path("/api/v1/counties/{county}/years/{year}/summary")
@Tag(name = "县级汇总")
@Authenticated
public class SummaryResource {

    static final Map<String, String> FORMATS = new LinkedHashMap<>(Map.of());

    static {
        FORMATS.put("html", MediaType.TEXT_HTML);
        FORMATS.put("json", MediaType.APPLICATION_JSON);
        FORMATS.put("docx", ReportResource.DOCX);
        FORMATS.put("xlsx", ReportResource.XLSX);
    }

    private final SummaryService summaries;
    private final AccessPolicy access;
    private final RenderMetrics metrics;
    private final SystemScores systems;

    public SummaryResource(SummaryService summaries, AccessPolicy access, RenderMetrics metrics, SystemScores systems) {
        this.systems = systems;
        this.summaries = summaries;
        this.access = access;
        this.metrics = metrics;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, ReportResource.DOCX, ReportResource.XLSX})
    @Operation(operationId = "getCountySummary", summary = "县级绩效评价结果汇总",
            description = "本服务已收到预算数据的该县该年度所有单位：总分、等次、各一级指标得分及所依据的版本，"
                    + "按总分排名（同分同名次，尚未评分的单位列在最后、无名次）。"
                    + "格式由 format 参数选择（html、json、docx、xlsx），未给出时按 Accept 请求头选择。")
    @APIResponse(responseCode = "200", description = "所选格式的汇总", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CountySummary.class),
                    examples = @ExampleObject(name = "湘潭县2024年", value = Examples.SUMMARY_JSON)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, description = "可打印的独立 HTML 文档")),
            @Content(mediaType = ReportResource.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "Word 文档")),
            @Content(mediaType = ReportResource.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "Excel 工作簿，数值为数值单元格"))})
    @APIResponse(responseCode = "400", description = "format 不是 html、json、docx、xlsx 之一，或县名、年度、指标体系代码无效")
    @APIResponse(responseCode = "404", description = "本服务尚未收到该县该年度任何单位的预算数据，或 system 所指的指标体系下该县该年度没有任何得分")
    @APIResponse(responseCode = "406", description = "Accept 请求头中没有本服务能提供的格式（可提供：HTML、JSON、DOCX、XLSX）")
    public Response summary(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                            @PathParam("year") @Min(2000) @Max(2100) int year,
                            @Parameter(description = "汇总格式；不给出时按 Accept 请求头选择",
                                    schema = @Schema(type = SchemaType.STRING, enumeration = {"html", "json", "docx", "xlsx"}))
                            @QueryParam("format") String format,
                            @Parameter(description = "指标体系代码；不给出时每个单位使用其指定的指标体系的评分（无指定时为最新评分）") @QueryParam("system") @Pattern(regexp = ReportResource.SYSTEM_CODE) String system,
                            @Context HttpHeaders headers) {
        access.readCountySummary(county);
        String chosen = ReportResource.chooseFormat(format, headers.getAcceptableMediaTypes(), FORMATS);
        systems.requireForCounty(county, year, system);
        CountySummary s = summaries.summary(county, year, system).orElseThrow(() -> ApiException.notFound(
                "本服务尚未收到" + county + year + "年度任何单位的预算数据"));
        Object body = metrics.render("county-summary", chosen, () -> switch (chosen) {
            case "html" -> SummaryRenderer.html(s);
            case "docx" -> SummaryRenderer.docx(s);
            case "xlsx" -> SummaryRenderer.xlsx(s);
            default -> s;
        });
        return Documents.answer(body, chosen, FORMATS.get(chosen), Documents.Disposition.ATTACHMENT, "county-summary-" + year);
    }
}
