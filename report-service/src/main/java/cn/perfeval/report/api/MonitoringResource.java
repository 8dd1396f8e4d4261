package cn.perfeval.report.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.PlainText;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.report.domain.CountyMonitoring;
import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.UnitMonitoring;
import cn.perfeval.report.render.DocxRenderer;
import cn.perfeval.report.render.HtmlRenderer;
import cn.perfeval.report.render.PdfFonts;
import cn.perfeval.report.render.PdfRenderer;
import cn.perfeval.report.render.RenderMetrics;
import cn.perfeval.report.security.AccessPolicy;
import cn.perfeval.report.service.MonitoringService;
import io.quarkus.security.Authenticated;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

/** In-year monitoring (绩效运行监控): JSON for dashboards and the monitoring report documents (docs/api.md). */
@Path("/api/v1")
@Tag(name = "绩效运行监控")
@Authenticated
public class MonitoringResource {

    static final String MONTH = "监控月份（1至12，截至该月末）；不给出时为该单位分月执行数据的最新月份（无分月数据时为12）";
    static final String COUNTY_MONTH = "监控月份（1至12，截至该月末）；不给出时为该县各单位分月执行数据中最新的月份（均无时为12）";
    static final Map<String, String> FORMATS = formats();

    private final MonitoringService monitoring;
    private final AccessPolicy access;
    private final PdfFonts fonts;
    private final RenderMetrics metrics;

    public MonitoringResource(MonitoringService monitoring, AccessPolicy access, PdfFonts fonts, RenderMetrics metrics) {
        this.monitoring = monitoring;
        this.access = access;
        this.fonts = fonts;
        this.metrics = metrics;
    }

    private static Map<String, String> formats() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("html", MediaType.TEXT_HTML);
        m.put("docx", ReportResource.DOCX);
        m.put("pdf", ReportResource.PDF);
        return m;
    }

    @GET
    @Path("/units/{unitCode}/years/{year}/monitoring")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getUnitMonitoring", summary = "单位年度绩效运行监控（截至某月）",
            description = "截至监控月份：预算执行率（累计支出 ÷ 调整后预算）与序时进度的差距，各绩效目标的完成进度（累计类指标按序时比较），"
                    + "超过该县预警阈值的偏差和尚无完成值的目标（中文说明，附所录偏差原因），以及该县指定指标体系下的最新得分"
                    + "（预计得分注明截至的月份，并列出尚缺的数据）。由本服务保存的预算和评分事件算出。")
    @APIResponse(responseCode = "200", description = "监控结果", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UnitMonitoring.class),
            examples = @ExampleObject(name = "中路铺镇2024年截至7月", value = Examples.UNIT_MONITORING)))
    @APIResponse(responseCode = "400", description = "单位代码、年度或月份无效（月份须为1至12的整数）")
    @APIResponse(responseCode = "404", description = "本服务尚未收到该单位该年度的预算数据")
    public UnitMonitoring unit(@PathParam("unitCode") @UnitCode String unitCode,
                               @PathParam("year") @Min(2000) @Max(2100) int year,
                               @Parameter(description = MONTH) @QueryParam("month") @Min(1) @Max(12) Integer month) {
        access.readUnit(unitCode, year);
        return monitoring.unit(unitCode, year, month).orElseThrow(() -> noBudget(unitCode, year));
    }

    @GET
    @Path("/counties/{county}/years/{year}/monitoring")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCountyMonitoring", summary = "县级绩效运行监控汇总（截至某月）",
            description = "本服务已收到预算数据的该县该年度所有单位截至同一月份的监控结果：执行率、序时进度、差距、滞后目标、得分和等次"
                    + "（预计得分注明截至的月份）；全县按差距分档的单位数、得分等次分布和执行进度落后最多的单位。")
    @APIResponse(responseCode = "200", description = "监控汇总", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CountyMonitoring.class),
            examples = @ExampleObject(name = "湘潭县2024年截至7月", value = Examples.COUNTY_MONITORING)))
    @APIResponse(responseCode = "400", description = "县名、年度或月份无效（月份须为1至12的整数）")
    @APIResponse(responseCode = "404", description = "本服务尚未收到该县该年度任何单位的预算数据")
    public CountyMonitoring county(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                                   @PathParam("year") @Min(2000) @Max(2100) int year,
                                   @Parameter(description = COUNTY_MONTH) @QueryParam("month") @Min(1) @Max(12) Integer month) {
        access.readCountyMonitoring(county);
        return monitoring.county(county, year, month).orElseThrow(() -> noCounty(county, year));
    }

    @GET
    @Path("/units/{unitCode}/years/{year}/monitoring-report")
    @Produces({MediaType.TEXT_HTML, ReportResource.DOCX, ReportResource.PDF})
    @Operation(operationId = "getUnitMonitoringReport", summary = "单位年度绩效运行监控报告（截至某月）",
            description = "按绩效运行监控报告的通常格式（版式同自评报告，GB/T 9704）：一、预算执行情况；二、绩效目标完成情况；"
                    + "三、偏差情况及原因；四、纠偏措施（文字材料的“纠偏措施”部分，未填写时注明）；五、全年预计完成情况。"
                    + "格式由 format 参数选择（docx、pdf、html），未给出时按 Accept 请求头选择；相同的输入得到相同的内容。")
    @APIResponse(responseCode = "200", description = "所选格式的报告", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, description = "可打印的独立 HTML 文档（A4）")),
            @Content(mediaType = ReportResource.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "Word 文档，版式按 GB/T 9704-2012")),
            @Content(mediaType = ReportResource.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "PDF 文档，嵌入中文字体"))})
    @APIResponse(responseCode = "400", description = "format 不是 docx、pdf、html 之一，或单位代码、年度、月份无效")
    @APIResponse(responseCode = "404", description = "本服务尚未收到该单位该年度的预算数据")
    @APIResponse(responseCode = "406", description = "Accept 请求头中没有本服务能提供的格式（可提供：HTML、DOCX、PDF）")
    @APIResponse(responseCode = "503", description = "请求 PDF 但服务器上没有中文字体（detail 指明应安装的软件包，其他格式不受影响）；或暂时连不上数据库",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "pdf-font-missing", summary = "没有中文字体", value = Examples.NO_FONT_MONITORING),
                    @ExampleObject(name = "database-unavailable", summary = "暂时连不上数据库", value = Examples.DATABASE_UNAVAILABLE_MONITORING)}))
    public Response unitReport(@PathParam("unitCode") @UnitCode String unitCode,
                               @PathParam("year") @Min(2000) @Max(2100) int year,
                               @Parameter(description = MONTH) @QueryParam("month") @Min(1) @Max(12) Integer month,
                               @Parameter(description = "报告格式；不给出时按 Accept 请求头选择",
                                       schema = @Schema(type = SchemaType.STRING, enumeration = {"docx", "pdf", "html"}))
                               @QueryParam("format") String format,
                               @Context HttpHeaders headers) {
        access.readUnit(unitCode, year);
        String chosen = ReportResource.chooseFormat(format, headers.getAcceptableMediaTypes(), FORMATS);
        ReportDocument doc = monitoring.unitReport(unitCode, year, month).orElseThrow(() -> noBudget(unitCode, year));
        return document(doc, chosen, "monitoring-report", "monitoring-" + unitCode + "-" + year);
    }

    @GET
    @Path("/counties/{county}/years/{year}/monitoring-report")
    @Produces({MediaType.TEXT_HTML, ReportResource.DOCX, ReportResource.PDF})
    @Operation(operationId = "getCountyMonitoringReport", summary = "县级绩效运行监控汇总报告（截至某月）",
            description = "版式同自评报告（GB/T 9704）：一、总体情况（差距分档、得分等次分布）；二、各单位监控情况（执行率、序时进度、差距、"
                    + "滞后目标数、得分和等次，预计得分注明）；三、执行进度落后的单位。格式由 format 参数选择（docx、pdf、html），"
                    + "未给出时按 Accept 请求头选择；相同的输入得到相同的内容。")
    @APIResponse(responseCode = "200", description = "所选格式的报告", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, description = "可打印的独立 HTML 文档（A4）")),
            @Content(mediaType = ReportResource.DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "Word 文档，版式按 GB/T 9704-2012")),
            @Content(mediaType = ReportResource.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "PDF 文档，嵌入中文字体"))})
    @APIResponse(responseCode = "400", description = "format 不是 docx、pdf、html 之一，或县名、年度、月份无效")
    @APIResponse(responseCode = "404", description = "本服务尚未收到该县该年度任何单位的预算数据")
    @APIResponse(responseCode = "406", description = "Accept 请求头中没有本服务能提供的格式（可提供：HTML、DOCX、PDF）")
    @APIResponse(responseCode = "503", description = "请求 PDF 但服务器上没有中文字体（detail 指明应安装的软件包，其他格式不受影响）；或暂时连不上数据库",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "pdf-font-missing", summary = "没有中文字体", value = Examples.NO_FONT_COUNTY_MONITORING),
                    @ExampleObject(name = "database-unavailable", summary = "暂时连不上数据库", value = Examples.DATABASE_UNAVAILABLE_COUNTY_MONITORING)}))
    public Response countyReport(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                                 @PathParam("year") @Min(2000) @Max(2100) int year,
                                 @Parameter(description = COUNTY_MONTH) @QueryParam("month") @Min(1) @Max(12) Integer month,
                                 @Parameter(description = "报告格式；不给出时按 Accept 请求头选择",
                                         schema = @Schema(type = SchemaType.STRING, enumeration = {"docx", "pdf", "html"}))
                                 @QueryParam("format") String format,
                                 @Context HttpHeaders headers) {
        access.readCountyMonitoring(county);
        String chosen = ReportResource.chooseFormat(format, headers.getAcceptableMediaTypes(), FORMATS);
        ReportDocument doc = monitoring.countyReport(county, year, month).orElseThrow(() -> noCounty(county, year));
        return document(doc, chosen, "county-monitoring-report", "county-monitoring-" + year);
    }

    private Response document(ReportDocument doc, String chosen, String kind, String filename) {
        Object body = metrics.render(kind, chosen, () -> switch (chosen) {
            case "docx" -> DocxRenderer.render(doc);
            case "pdf" -> PdfRenderer.render(doc, fonts.faces());
            default -> HtmlRenderer.render(doc);
        });
        return Documents.answer(body, chosen, FORMATS.get(chosen), Documents.Disposition.INLINE, filename);
    }

    private static ApiException noBudget(String unitCode, int year) {
        return ApiException.notFound("本服务尚未收到单位" + unitCode + "在" + year + "年度的预算数据");
    }

    private static ApiException noCounty(String county, int year) {
        return ApiException.notFound("本服务尚未收到" + county + year + "年度任何单位的预算数据");
    }
}
