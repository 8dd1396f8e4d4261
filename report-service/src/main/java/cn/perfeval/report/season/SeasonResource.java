package cn.perfeval.report.season;

import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.platform.text.PlainText;
import cn.perfeval.report.security.AccessPolicy;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A county-year's self-evaluation season (docs/season.md). */
@Path("/api/v1/counties/{county}/years/{year}/season")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "自评季")
@Authenticated
public class SeasonResource {

    static final String ETAG = "自评季设置的版本号（带引号，如 \"1\"）";
    static final String STATES = "NOT_STARTED|FILLING|SUBMITTED|IN_REVIEW|RETURNED|APPROVED|PUBLISHED";

    private final SeasonService seasons;
    private final SeasonAccess seasonAccess;
    private final AccessPolicy access;
    private final Caller caller;

    public SeasonResource(SeasonService seasons, SeasonAccess seasonAccess, AccessPolicy access, Caller caller) {
        this.seasons = seasons;
        this.seasonAccess = seasonAccess;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSeason", summary = "开启县某年度的自评季",
            description = "仅管理员。为每个参加的单位建立自评任务（未开始），每个任务发布一条 TaskStateChanged 事件（action 为 CREATED）。"
                    + "不给出 unitCodes 时，参加的单位为本服务已收到该县该年度预算数据的全部单位。该县该年度已有自评季，"
                    + "或某单位在该年度已有自评任务时答复409。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SeasonRequest.class),
            examples = @ExampleObject(name = "湘潭县2024年", value = SeasonExamples.SEASON_REQUEST)))
    @APIResponse(responseCode = "201", description = "开启的自评季（Location 为其地址）",
            headers = {@Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Location", description = "自评季的地址", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeasonView.class),
                    examples = @ExampleObject(name = "湘潭县2024年", value = SeasonExamples.SEASON)))
    @APIResponse(responseCode = "400", description = "请求体、县名或年度无效（截止日期不是日期，阈值不大于0，单位代码无效），"
            + "或未给出单位而本服务尚未收到该县该年度任何单位的预算数据")
    @APIResponse(responseCode = "409", description = "该县该年度的自评季已经开启，或所列单位在该年度已有自评任务")
    public Response create(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                           @PathParam("year") @Min(2000) @Max(2100) int year,
                           @NotNull @Valid SeasonRequest body) {
        seasonAccess.createSeason(county);
        SeasonView v = seasons.create(county, year, body, caller.actor());
        URI location = URI.create("/api/v1/counties/" + java.net.URLEncoder.encode(county, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/years/" + year + "/season");
        return Response.created(location).entity(v).header(HttpHeaders.ETAG, Versions.etag(v.version())).build();
    }

    @GET
    @Operation(operationId = "getSeason", summary = "县某年度的自评季",
            description = "设置（指标体系、截止日期、自评质量阈值）和各状态的任务数（每个状态一项，含0）、逾期任务数。"
                    + "管理员、查阅人员和该县的评价人员可读。")
    @APIResponse(responseCode = "200", description = "自评季",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeasonView.class),
                    examples = @ExampleObject(name = "湘潭县2024年", value = SeasonExamples.SEASON)))
    @APIResponse(responseCode = "400", description = "县名或年度无效")
    @APIResponse(responseCode = "404", description = "该县该年度尚未开启自评季")
    public Response get(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                        @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.readCountySummary(county);
        SeasonView v = seasons.view(county, year).orElseThrow(() -> noSeason(county, year));
        return Response.ok(v).header(HttpHeaders.ETAG, Versions.etag(v.version())).build();
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putSeasonSettings", summary = "修改自评季的截止日期和自评质量阈值",
            description = "仅管理员，须在 If-Match 中给出读到的自评季版本（ETag），否则答复428；其间有人修改过时答复412，不保存。"
                    + "指标体系和参加的单位不能修改。新的截止日期即时用于逾期的计算（任务、各状态数、全县概况），新的阈值用于"
                    + "自评质量的标记；已冻结的提交不变。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SeasonSettings.class),
            examples = @ExampleObject(name = "截止日期推迟到4月30日", value = SeasonExamples.SEASON_SETTINGS)))
    @APIResponse(responseCode = "200", description = "修改后的自评季",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeasonView.class),
                    examples = @ExampleObject(name = "湘潭县2024年", value = SeasonExamples.SEASON_CHANGED)))
    @APIResponse(responseCode = "400", description = "请求体、县名或年度无效（截止日期不是日期，阈值不大于0），或 If-Match 不是版本号")
    @APIResponse(responseCode = "404", description = "该县该年度尚未开启自评季")
    @APIResponse(responseCode = "412", description = "If-Match 所指的版本已不是当前设置：其间有人修改过，请重新读取后再提交")
    @APIResponse(responseCode = "428", description = "未给出 If-Match：修改时须给出读到的自评季版本")
    public Response changeSettings(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                                   @PathParam("year") @Min(2000) @Max(2100) int year,
                                   @Parameter(description = "所修改的自评季版本号（读取时的 ETag），必填")
                                   @HeaderParam("If-Match") String ifMatch,
                                   @NotNull @Valid SeasonSettings body) {
        seasonAccess.changeSeason(county);
        SeasonView v = seasons.changeSettings(county, year, body, Versions.ifMatch(ifMatch), caller.actor());
        return Response.ok(v).header(HttpHeaders.ETAG, Versions.etag(v.version())).build();
    }

    @GET
    @Path("/tasks")
    @Operation(operationId = "listSeasonTasks", summary = "自评季的任务",
            description = "按单位代码排列的任务，可按状态和是否逾期筛选。逾期：今日（北京时间）已过截止日期，且任务未开始、填报中或已退回。")
    @APIResponse(responseCode = "200", description = "一页任务",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskViewPage.class),
                    examples = @ExampleObject(name = "湘潭县2024年的逾期单位", value = SeasonExamples.TASK_PAGE)))
    @APIResponse(responseCode = "400", description = "县名、年度、状态或分页参数无效")
    @APIResponse(responseCode = "404", description = "该县该年度尚未开启自评季")
    public Page<TaskView> tasks(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                                @PathParam("year") @Min(2000) @Max(2100) int year,
                                @Parameter(description = "只列出此状态的任务：NOT_STARTED、FILLING、SUBMITTED、IN_REVIEW、RETURNED、APPROVED、PUBLISHED")
                                @QueryParam("state") @Pattern(regexp = STATES) String state,
                                @Parameter(description = "true 只列出逾期的任务，false 只列出未逾期的任务；不给出时全部列出")
                                @QueryParam("overdue") @Pattern(regexp = "true|false") String overdue,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                @Context UriInfo uri) {
        access.readCountySummary(county);
        if (seasons.view(county, year).isEmpty()) {
            throw noSeason(county, year);
        }
        return Page.slice(seasons.tasks(county, year, state == null ? null : TaskState.valueOf(state),
                overdue == null ? null : Boolean.valueOf(overdue), seasonAccess), page, size, uri);
    }

    static ApiException noSeason(String county, int year) {
        return ApiException.notFound(county + year + "年度尚未开启自评季");
    }
}
