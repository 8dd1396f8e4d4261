package cn.perfeval.report.season;

import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.report.security.AccessPolicy;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

/** A unit's self-evaluation task and its transitions (docs/season.md). */
@Path("/api/v1/units/{unitCode}/years/{year}/task")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "自评季")
@Authenticated
public class TaskResource {

    static final String ETAG = "任务的版本号（带引号，如 \"3\"）；操作时放入 If-Match 请求头";

    private final SeasonService seasons;
    private final SeasonAccess seasonAccess;
    private final AccessPolicy access;
    private final Caller caller;

    public TaskResource(SeasonService seasons, SeasonAccess seasonAccess, AccessPolicy access, Caller caller) {
        this.seasons = seasons;
        this.seasonAccess = seasonAccess;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getTask", summary = "单位年度的自评任务",
            description = "状态、截止日期、是否逾期、提交次数、当前用户现在可做的操作、评价人员的退回意见（最新的在前）和全部状态变化。"
                    + "ETag 为任务的版本号，操作时作为 If-Match 送回。读者与报告相同。")
    @APIResponse(responseCode = "200", description = "任务",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class),
                    examples = @ExampleObject(name = "退回后的任务", value = SeasonExamples.TASK)))
    @APIResponse(responseCode = "400", description = "单位代码或年度无效")
    @APIResponse(responseCode = "404", description = "该单位该年度没有自评任务")
    public Response get(@PathParam("unitCode") @UnitCode String unitCode,
                        @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.readUnit(unitCode, year);
        TaskView v = seasons.task(unitCode, year, seasonAccess).orElseThrow(() -> SeasonService.noTask(unitCode, year));
        return Response.ok(v).header(HttpHeaders.ETAG, Versions.etag(v.version())).build();
    }

    @POST
    @Path("/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postTaskTransition", summary = "任务的一次操作（开始填报、提交、开始审核、退回、审核通过、公开）",
            description = "开始填报和提交：该单位的财务人员；开始审核、退回和审核通过：该单位所属县的评价人员（管理员不审核）；公开：管理员。"
                    + "须带 If-Match（读到的任务版本），否则答复428，版本已变时答复412。当前状态不允许该操作时答复409。退回须写意见。"
                    + "提交时检查：预算数据已收到且没有错误级审核发现，已有自评季指标体系下的评分且没有待评分的指标；不满足时答复409，"
                    + "errors 逐项列出原因，什么也不改变。提交被接受时冻结所提交的内容：预算数据、评分、文字材料和指标体系的版本，"
                    + "以及当时生成的各格式报告（docx、pdf、html、md、json），编为第1、2、…次提交，以后的修改不改变它们。"
                    + "每次操作都记入审计日志并发布一条 TaskStateChanged 事件。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TaskTransitionRequest.class),
            examples = @ExampleObject(name = "退回", value = SeasonExamples.TRANSITION)))
    @APIResponse(responseCode = "200", description = "操作后的任务",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class),
                    examples = @ExampleObject(name = "退回后的任务", value = SeasonExamples.TASK)))
    @APIResponse(responseCode = "400", description = "请求体、单位代码或年度无效（未知的操作），退回而未写意见，或 If-Match 不是版本号")
    @APIResponse(responseCode = "404", description = "该单位该年度没有自评任务")
    @APIResponse(responseCode = "409", description = "当前状态不允许该操作（detail 指明状态和可做的操作），或提交不符合提交条件（errors 逐项列出）")
    @APIResponse(responseCode = "412", description = "If-Match 所指的版本已不是当前任务：其间任务已变化，请重新读取后再操作")
    @APIResponse(responseCode = "428", description = "操作须在 If-Match 中给出读到的任务版本")
    public Response transition(@PathParam("unitCode") @UnitCode String unitCode,
                               @PathParam("year") @Min(2000) @Max(2100) int year,
                               @Parameter(description = "读到的任务版本（ETag）；必填")
                               @HeaderParam("If-Match") String ifMatch,
                               @NotNull @Valid TaskTransitionRequest body) {
        access.readUnit(unitCode, year);
        TaskView v = seasons.transition(unitCode, year, body, Versions.ifMatch(ifMatch), seasonAccess, caller.actor());
        return Response.ok(v).header(HttpHeaders.ETAG, Versions.etag(v.version())).build();
    }
}
