package cn.perfeval.report.api;

import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.platform.text.PlainText;
import cn.perfeval.report.domain.MonitoringSettings;
import cn.perfeval.report.security.AccessPolicy;
import cn.perfeval.report.service.MonitoringSettingsService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/** The monitoring settings of a county-year (docs/api.md, "In-year monitoring"). */
@Path("/api/v1/counties/{county}/years/{year}/monitoring-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "绩效运行监控")
@Authenticated
public class MonitoringSettingsResource {

    static final String ETAG = "监控设置的版本号（带引号，如 \"2\"；未设置时为 \"0\"）；修改时放入 If-Match 请求头";

    private final MonitoringSettingsService settings;
    private final AccessPolicy access;
    private final Caller caller;

    public MonitoringSettingsResource(MonitoringSettingsService settings, AccessPolicy access, Caller caller) {
        this.settings = settings;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getMonitoringSettings", summary = "县某年度的绩效运行监控设置",
            description = "预警阈值（百分点）和分月序时进度；尚未设置时为默认值（执行偏差10个百分点、目标偏差20个百分点、序时进度按月均），"
                    + "版本号0。ETag 为版本号，修改时作为 If-Match 送回。")
    @APIResponse(responseCode = "200", description = "当前设置，或默认值（第0版）",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonitoringSettings.View.class),
                    examples = @ExampleObject(name = "湘潭县2024年", value = Examples.MONITORING_SETTINGS_VIEW)))
    @APIResponse(responseCode = "400", description = "县名或年度无效")
    public Response get(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                        @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.readCountyMonitoring(county);
        MonitoringSettings.View v = settings.current(county, year);
        return Response.ok(v).header(HttpHeaders.ETAG, Versions.etag(v.version())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMonitoringSettings", summary = "保存县某年度的绩效运行监控设置",
            description = "整体替换（仅管理员）。阈值为百分点（0至100，至多两位小数）；分月序时进度可不给出（按月均），给出时为12个累计百分比，"
                    + "逐月不减，第12个为100。已有设置时须带 If-Match（当前设置的 ETag），否则答复428；其间有人修改过时答复412，不保存。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MonitoringSettings.class),
            examples = @ExampleObject(name = "湘潭县2024年", value = Examples.MONITORING_SETTINGS)))
    @APIResponse(responseCode = "200", description = "保存后的设置",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonitoringSettings.View.class),
                    examples = @ExampleObject(name = "湘潭县2024年", value = Examples.MONITORING_SETTINGS_VIEW)))
    @APIResponse(responseCode = "400", description = "请求体、县名或年度无效（阈值超出0至100，序时进度不是12个数、逐月减少或第12个不是100），或 If-Match 不是版本号")
    @APIResponse(responseCode = "412", description = "If-Match 所指的版本已不是当前设置：其间有人修改过，请重新读取后再提交")
    @APIResponse(responseCode = "428", description = "该县该年度已有监控设置，修改时须在 If-Match 中给出读到的版本号")
    public Response put(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                        @PathParam("year") @Min(2000) @Max(2100) int year,
                        @Parameter(description = "所修改的版本号（读取时的 ETag）；已有设置时必填")
                        @HeaderParam("If-Match") String ifMatch,
                        @NotNull @Valid MonitoringSettings body) {
        access.writeMonitoringSettings(county);
        MonitoringSettings.View v = settings.save(county, year, body, Versions.ifMatch(ifMatch), caller.actor());
        return Response.ok(v).header(HttpHeaders.ETAG, Versions.etag(v.version())).build();
    }
}
