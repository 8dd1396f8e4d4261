package cn.perfeval.budget.api;

import cn.perfeval.budget.api.TargetDtos.MonthRequest;
import cn.perfeval.budget.api.TargetDtos.MonthlyExecution;
import cn.perfeval.budget.api.TargetDtos.MonthlyExecutionView;
import cn.perfeval.budget.api.TargetDtos.ProgressRequest;
import cn.perfeval.budget.api.TargetDtos.TargetTable;
import cn.perfeval.budget.api.TargetDtos.TargetsView;
import cn.perfeval.budget.domain.UnitYear;
import cn.perfeval.budget.security.Caller;
import cn.perfeval.budget.security.Roles;
import cn.perfeval.budget.service.BudgetService;
import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.text.UnitCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

/**
 * A unit-year's performance targets (绩效目标表) with the actual values recorded during and after the
 * year, and its monthly execution (分月累计支出). Every write bumps the unit-year's version (the ETag),
 * re-runs the checks and publishes one BudgetUnitYearChanged.
 */
@Path("/api/v1/units/{unitCode}/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    static final String TAG = "绩效目标与分月执行";
    static final String PERSON_WRITE = "绩效目标表和完成值由人填写：已有时修改须在 If-Match 中给出所替换的版本（没有 If-Match 答 428，版本已过时答 412），"
            + "首次填写不用。单位年度数据不存在时新建。每次修改都重新审核，版本加一，并发布一个事件。";
    static final String MONTH_WRITE = "分月数据来自预算执行系统，以最新一次为准，因此 If-Match 可不给；给出且其间数据已被修改时答 412，不作任何修改。"
            + "单位年度数据不存在时新建。每次修改都重新审核，版本加一，并发布一个事件。";
    static final String STORED_TARGETS = "已保存；响应体为修改后的绩效目标表及完成值，ETag 为单位年度数据的新版本";
    static final String STORED_MONTHS = "已保存；响应体为修改后的分月累计支出，ETag 为单位年度数据的新版本";
    static final String NEEDS_IF_MATCH = "已有的数据须在 If-Match 中给出所替换的版本；未作任何修改";

    private final BudgetService service;
    private final Caller caller;

    public TargetResource(BudgetService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/targets")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = TAG, description = "单位年度的绩效目标表（年度总体目标和绩效指标）、各指标的完成值和偏差原因，以及分月累计支出，供绩效运行监控和年终评价")
    @Operation(operationId = "getTargets", summary = "读取绩效目标表及完成值",
            description = "年度总体目标和各项绩效指标（一级、二级指标，名称，计量单位，指标值，方向，分值），每项附已记录的各月完成值、偏差原因、记录人和记录时间。ETag 为单位年度数据的版本。")
    @APIResponse(responseCode = "200", description = "绩效目标表及完成值；ETag 为单位年度数据的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = UnitYearResource.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetsView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.TARGETS_VIEW)))
    @APIResponse(responseCode = "404", description = "该单位该年度没有预算数据，或尚未记录绩效目标表")
    public Response getTargets(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(unitCode);
        UnitYear uy = load(unitCode, year);
        if (!uy.targetsRecorded) {
            throw ApiException.notFound("单位 " + unitCode + " " + year + " 年度尚未记录绩效目标表");
        }
        return withVersion(Response.ok(TargetsView.of(uy)), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/targets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = TAG)
    @Operation(operationId = "putTargets", summary = "替换绩效目标表",
            description = "整体替换绩效目标表：年度总体目标和绩效指标。一级指标为产出、效益或满意度，二级指标须属于其一级指标；"
                    + "定量指标（越大越好、越小越好、等于）须给出指标值，定性指标须给出指标值的文字表述；指标编码不得重复。"
                    + "编码不变的指标保留已记录的完成值，表中不再有的指标其完成值一并删除。" + PERSON_WRITE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetTable.class),
            examples = @ExampleObject(name = "中路铺镇", value = Examples.TARGETS)))
    @APIResponse(responseCode = "200", description = STORED_TARGETS,
            headers = @Header(name = HttpHeaders.ETAG, description = UnitYearResource.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetsView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.TARGETS_VIEW)))
    @APIResponse(responseCode = "404", description = UnitYearResource.NO_UNIT)
    @APIResponse(responseCode = "412", description = UnitYearResource.STALE)
    @APIResponse(responseCode = "428", description = NEEDS_IF_MATCH)
    public Response putTargets(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = "读到的单位年度数据版本（ETag），例如 \"5\"；已有绩效目标表时必填") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "须有 JSON 请求体") @Valid TargetTable table) {
        caller.requireBudgetWrite(unitCode);
        UnitYear uy = service.replaceTargets(unitCode, year, Versions.ifMatch(ifMatch), table, true);
        return withVersion(Response.ok(TargetsView.of(uy)), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/targets/{targetCode}/progress/{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = TAG)
    @Operation(operationId = "putTargetProgress", summary = "记录一项指标某月末的完成值",
            description = "记录（或替换）指标截至该月末的完成值，12 月为全年：定量指标给完成值；定性指标给完成等级（达成 80–100%、部分达成 60–80%、"
                    + "未达成 0–60% 的分值）、等级区间内的得分比例和完成情况；未完成目标时给偏差原因。记录人为调用者，记录时间为当前时间。"
                    + PERSON_WRITE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressRequest.class),
            examples = {@ExampleObject(name = "定量指标", value = Examples.PROGRESS),
                    @ExampleObject(name = "定性指标", value = Examples.PROGRESS_QUALITATIVE)}))
    @APIResponse(responseCode = "200", description = STORED_TARGETS,
            headers = @Header(name = HttpHeaders.ETAG, description = UnitYearResource.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetsView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.TARGETS_VIEW)))
    @APIResponse(responseCode = "404", description = "没有这个单位，或其该年度的绩效目标表中没有这个编码的指标")
    @APIResponse(responseCode = "412", description = UnitYearResource.STALE)
    @APIResponse(responseCode = "428", description = NEEDS_IF_MATCH)
    public Response putTargetProgress(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = "指标编码", example = "CC-01")
            @PathParam("targetCode") @Pattern(regexp = TargetDtos.TARGET_CODE_REGEX, message = TargetDtos.TARGET_CODE_MESSAGE) String targetCode,
            @Parameter(description = "月份（1–12；12 为全年）", example = "7")
            @PathParam("month") @Min(value = 1, message = "月份应为 1–12") @Max(value = 12, message = "月份应为 1–12") int month,
            @Parameter(description = "读到的单位年度数据版本（ETag），例如 \"5\"；该指标该月已有完成值时必填") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "须有 JSON 请求体") @Valid ProgressRequest progress) {
        caller.requireBudgetWrite(unitCode);
        UnitYear uy = service.recordProgress(unitCode, year, Versions.ifMatch(ifMatch), targetCode, month, progress,
                caller.actor());
        return withVersion(Response.ok(TargetsView.of(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/monthly-execution")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = TAG)
    @Operation(operationId = "getMonthlyExecution", summary = "读取分月累计支出",
            description = "各月 1 月至该月末的累计实际支出（基本支出、项目支出，可按功能分类科目），金额为万元；period 说明是否已有年终实际支出和分月数据的最近月份。"
                    + "ETag 为单位年度数据的版本。")
    @APIResponse(responseCode = "200", description = "分月累计支出；ETag 为单位年度数据的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = UnitYearResource.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyExecutionView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.MONTHLY_VIEW)))
    @APIResponse(responseCode = "404", description = UnitYearResource.NO_DATA)
    public Response getMonthlyExecution(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(unitCode);
        UnitYear uy = load(unitCode, year);
        return withVersion(Response.ok(MonthlyExecutionView.of(uy)), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/monthly-execution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = TAG)
    @Operation(operationId = "putMonthlyExecution", summary = "替换分月累计支出",
            description = "整体替换各月的累计实际支出：月份 1–12 不得重复，按月份排列时基本支出和项目支出的累计数都不得减少。"
                    + "未记录年终实际支出时，度量 basicActual、projectActual、totalActual 取最近月份的累计数。" + MONTH_WRITE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyExecution.class),
            examples = @ExampleObject(name = "中路铺镇", value = Examples.MONTHLY)))
    @APIResponse(responseCode = "200", description = STORED_MONTHS,
            headers = @Header(name = HttpHeaders.ETAG, description = UnitYearResource.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyExecutionView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.MONTHLY_VIEW)))
    @APIResponse(responseCode = "404", description = UnitYearResource.NO_UNIT)
    @APIResponse(responseCode = "412", description = UnitYearResource.STALE)
    public Response putMonthlyExecution(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = UnitYearResource.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "须有 JSON 请求体") @Valid MonthlyExecution body) {
        caller.requireBudgetWrite(unitCode);
        UnitYear uy = service.replaceMonthlyExecution(unitCode, year, Versions.ifMatch(ifMatch), body);
        return withVersion(Response.ok(MonthlyExecutionView.of(uy)), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/monthly-execution/{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = TAG)
    @Operation(operationId = "putMonth", summary = "记录一个月的累计支出",
            description = "记录（或替换）1 月至该月末的累计实际支出，其他月份不变。与前后月份不衔接（累计数减少）时照样保存，由审核发现指出。" + MONTH_WRITE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthRequest.class),
            examples = @ExampleObject(name = "7 月", value = Examples.MONTH)))
    @APIResponse(responseCode = "200", description = STORED_MONTHS,
            headers = @Header(name = HttpHeaders.ETAG, description = UnitYearResource.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyExecutionView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.MONTHLY_VIEW)))
    @APIResponse(responseCode = "404", description = UnitYearResource.NO_UNIT)
    @APIResponse(responseCode = "412", description = UnitYearResource.STALE)
    public Response putMonth(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = "月份（1–12）", example = "7")
            @PathParam("month") @Min(value = 1, message = "月份应为 1–12") @Max(value = 12, message = "月份应为 1–12") int month,
            @Parameter(description = UnitYearResource.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "须有 JSON 请求体") @Valid MonthRequest body) {
        caller.requireBudgetWrite(unitCode);
        UnitYear uy = service.putMonth(unitCode, year, Versions.ifMatch(ifMatch), month, body);
        return withVersion(Response.ok(MonthlyExecutionView.of(uy)), uy);
    }

    private static UnitYear load(String unitCode, int year) {
        return UnitYear.find(unitCode, year)
                .orElseThrow(() -> ApiException.notFound("单位 " + unitCode + " 没有 " + year + " 年度的预算数据"));
    }

    private static Response withVersion(Response.ResponseBuilder builder, UnitYear uy) {
        return builder.header(HttpHeaders.ETAG, Versions.etag(uy.version)).build();
    }
}
