package cn.perfeval.budget.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.budget.api.UnitYearDtos.AdjustmentDto;
import cn.perfeval.budget.api.UnitYearDtos.AdjustmentList;
import cn.perfeval.budget.api.UnitYearDtos.BudgetSummary;
import cn.perfeval.budget.api.UnitYearDtos.ExecutionDto;
import cn.perfeval.budget.api.UnitYearDtos.FindingDto;
import cn.perfeval.budget.api.UnitYearDtos.RevenueRowDto;
import cn.perfeval.budget.api.UnitYearDtos.RevenueTable;
import cn.perfeval.budget.api.UnitYearDtos.StaffDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureRowDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureTable;
import cn.perfeval.budget.api.UnitYearDtos.MeasuresView;
import cn.perfeval.budget.api.UnitYearDtos.UnitYearView;
import cn.perfeval.budget.domain.MeasureCalculator;
import cn.perfeval.budget.domain.UnitYear;
import cn.perfeval.budget.service.BudgetService;
import cn.perfeval.budget.service.TableImport;
import cn.perfeval.budget.security.Caller;
import cn.perfeval.budget.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit's data for one fiscal year: the whole of it ({@code …/budget}), one table at a time
 * ({@code …/budget/<table>}), the import of the county budget system's workbook, the measures and the
 * findings. Every write answers the whole unit-year and its new version as the ETag.
 */
@Path("/api/v1/units/{unitCode}/years/{year}")
@Produces(MediaType.APPLICATION_JSON)
public class UnitYearResource {

    static final String ETAG = "单位年度数据的版本号（带引号），例如 \"5\"；修改时可原样放在 If-Match 中";
    static final String IF_MATCH = "读到的单位年度数据版本（ETag），例如 \"5\"；可不给，给出时版本已过时即答 412";
    static final String WRITE = "预算表由县财政预算系统的导入整体替换，以最新一次为准，因此 If-Match 可不给；给出且其间数据已被修改时答 412，"
            + "不作任何修改。单位年度数据不存在时新建。每次修改都重新审核，版本加一，并发布一个事件。";
    static final String STORED = "已保存；响应体为修改后的单位年度全部数据，ETag 为新的版本";
    static final String NO_DATA = "该单位该年度没有预算数据";
    static final String NO_UNIT = "没有这个统一社会信用代码的单位";
    static final String STALE = "If-Match 中的版本已不是单位年度数据的当前版本（其间已被修改）；未作任何修改";

    private final BudgetService service;
    private final Caller caller;

    public UnitYearResource(BudgetService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/budget")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = "预算数据", description = "单位年度的预算与执行数据：三张年初预算表、人员、执行情况、预算调整，以及从县财政预算系统导入")
    @Operation(operationId = "getBudget", summary = "读取单位年度的全部预算数据",
            description = "版本、度量、人员情况、收支总表、收入总表、支出总表、执行情况、预算调整和审核发现，金额为万元；ETag 为版本。")
    @APIResponse(responseCode = "200", description = "单位年度的全部预算数据；ETag 为其版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitYearView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "404", description = NO_DATA)
    public Response getBudget(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(unitCode);
        UnitYear uy = load(unitCode, year);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/budget/expenditure")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = "预算数据")
    @Operation(operationId = "getExpenditure", summary = "读取年初部门预算支出总表", description = "按给出的顺序列出各功能分类科目的合计、基本支出和项目支出，金额为万元，与存储的完全一致。ETag 为单位年度数据的版本。")
    @APIResponse(responseCode = "200", description = "年初部门预算支出总表；ETag 为单位年度数据的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExpenditureTable.class),
                    examples = @ExampleObject(name = "中路铺镇", value = Examples.EXPENDITURE_TABLE)))
    @APIResponse(responseCode = "404", description = "该单位该年度没有预算数据")
    public Response getExpenditure(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(unitCode);
        UnitYear uy = load(unitCode, year);
        return withVersion(Response.ok(new ExpenditureTable(AmountUnit.WAN_YUAN, expenditure(uy))), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/budget/expenditure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "预算数据")
    @Operation(operationId = "putExpenditure", summary = "替换年初部门预算支出总表",
            description = "整体替换支出总表（幂等）：各行按功能分类科目给出合计、基本支出和项目支出；每个款、项须与其上级科目同在表中，编码不得重复。" + WRITE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExpenditureTable.class),
            examples = @ExampleObject(name = "中路铺镇", value = Examples.EXPENDITURE_TABLE)))
    @APIResponse(responseCode = "200", description = STORED,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitYearView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "404", description = NO_UNIT)
    @APIResponse(responseCode = "412", description = STALE)
    public Response putExpenditure(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "须有 JSON 请求体") @Valid ExpenditureTable table) {
        caller.requireBudgetWrite(unitCode);
        UnitYear uy = service.replaceExpenditure(unitCode, year, Versions.ifMatch(ifMatch), table);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/budget/revenue")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = "预算数据")
    @Operation(operationId = "getRevenue", summary = "读取年初部门预算收入总表", description = "按给出的顺序列出各功能分类科目按收入来源的金额，金额为万元；空白的格不出现。ETag 为单位年度数据的版本。")
    @APIResponse(responseCode = "200", description = "年初部门预算收入总表；ETag 为单位年度数据的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevenueTable.class),
                    examples = @ExampleObject(name = "中路铺镇", value = Examples.REVENUE_TABLE)))
    @APIResponse(responseCode = "404", description = "该单位该年度没有预算数据")
    public Response getRevenue(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(unitCode);
        UnitYear uy = load(unitCode, year);
        return withVersion(Response.ok(new RevenueTable(AmountUnit.WAN_YUAN, uy.revenueRows.stream().map(RevenueRowDto::of).toList())), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/budget/revenue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "预算数据")
    @Operation(operationId = "putRevenue", summary = "替换年初部门预算收入总表",
            description = "整体替换收入总表（幂等）：各行按功能分类科目给出合计、一般公共预算拨款（经费拨款、非税收入拨款）、政府性基金收入、纳入专户管理的非税收入拨款、上级补助收入和其他收入；空白的格不给出。" + WRITE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevenueTable.class),
            examples = @ExampleObject(name = "中路铺镇", value = Examples.REVENUE_TABLE)))
    @APIResponse(responseCode = "200", description = STORED,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitYearView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "404", description = NO_UNIT)
    @APIResponse(responseCode = "412", description = STALE)
    public Response putRevenue(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "须有 JSON 请求体") @Valid RevenueTable table) {
        caller.requireBudgetWrite(unitCode);
        UnitYear uy = service.replaceRevenue(unitCode, year, Versions.ifMatch(ifMatch), table);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/budget/budget-summary")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = "预算数据")
    @Operation(operationId = "getBudgetSummary", summary = "读取年初部门预算收支总表", description = "收入按来源（含其中项）、收入总计、支出按类、结转下年和支出总计，金额为万元，与存储的完全一致。ETag 为单位年度数据的版本。")
    @APIResponse(responseCode = "200", description = "年初部门预算收支总表；ETag 为单位年度数据的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetSummary.class),
                    examples = @ExampleObject(name = "中路铺镇", value = Examples.BUDGET_SUMMARY)))
    @APIResponse(responseCode = "404", description = "该单位该年度没有预算数据，或尚未记录收支总表")
    public Response getBudgetSummary(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(unitCode);
        UnitYear uy = load(unitCode, year);
        if (!uy.summaryRecorded) {
            throw ApiException.notFound("单位 " + unitCode + " " + year + " 年度尚未记录收支总表");
        }
        return withVersion(Response.ok(BudgetSummary.of(uy)), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/budget/budget-summary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "预算数据")
    @Operation(operationId = "putBudgetSummary", summary = "替换年初部门预算收支总表",
            description = "整体替换收支总表（幂等）：收入按来源（其中项放在 children 中）、收入总计、支出按类、结转下年、支出总计。" + WRITE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BudgetSummary.class),
            examples = @ExampleObject(name = "中路铺镇", value = Examples.BUDGET_SUMMARY)))
    @APIResponse(responseCode = "200", description = STORED,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitYearView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "404", description = NO_UNIT)
    @APIResponse(responseCode = "412", description = STALE)
    public Response putBudgetSummary(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "须有 JSON 请求体") @Valid BudgetSummary summary) {
        caller.requireBudgetWrite(unitCode);
        UnitYear uy = service.replaceBudgetSummary(unitCode, year, Versions.ifMatch(ifMatch), summary);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/budget/execution")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = "预算数据")
    @Operation(operationId = "getExecution", summary = "读取预算执行情况", description = "预算调整合计、基本支出和项目支出的实际数（及按功能分类科目）、年末结余、结转、“三公”经费（合计和分项，本年和上年）、政府采购、公用经费、固定资产、重点项目支出、支付进度（%）和重点工作（件），金额为万元；未记录的项不出现。ETag 为单位年度数据的版本。")
    @APIResponse(responseCode = "200", description = "预算执行情况；ETag 为单位年度数据的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionDto.class),
                    examples = @ExampleObject(name = "中路铺镇", value = Examples.EXECUTION_FULL)))
    @APIResponse(responseCode = "404", description = "该单位该年度没有预算数据")
    public Response getExecution(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(unitCode);
        UnitYear uy = load(unitCode, year);
        return withVersion(Response.ok(ExecutionDto.of(uy)), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/budget/execution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "预算数据")
    @Operation(operationId = "putExecution", summary = "替换预算执行情况",
            description = "整体替换本年度的预算执行情况（幂等）：预算调整合计、基本支出和项目支出的实际数（也可按功能分类科目）、年末结余、结转、“三公”经费（合计和分项，本年和上年）、政府采购、公用经费、固定资产、重点项目支出、支付进度（%）和重点工作（件）。不给出的项即未记录。" + WRITE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExecutionDto.class),
            examples = {@ExampleObject(name = "主要数字", value = Examples.EXECUTION), @ExampleObject(name = "全部数字", value = Examples.EXECUTION_FULL)}))
    @APIResponse(responseCode = "200", description = STORED,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitYearView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "404", description = NO_UNIT)
    @APIResponse(responseCode = "412", description = STALE)
    public Response putExecution(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "须有 JSON 请求体") @Valid ExecutionDto execution) {
        caller.requireBudgetWrite(unitCode);
        UnitYear uy = service.replaceExecution(unitCode, year, Versions.ifMatch(ifMatch), execution);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/budget/staff")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = "预算数据")
    @Operation(operationId = "getStaff", summary = "读取人员情况", description = "编制数、实有人数、在职人数、行政人员、事业人员、非参公事业人员、退休人员和遗属补助人数（人）；未记录的不出现。ETag 为单位年度数据的版本。")
    @APIResponse(responseCode = "200", description = "人员情况；ETag 为单位年度数据的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffDto.class),
                    examples = @ExampleObject(name = "中路铺镇", value = Examples.STAFF)))
    @APIResponse(responseCode = "404", description = "该单位该年度没有预算数据")
    public Response getStaff(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(unitCode);
        UnitYear uy = load(unitCode, year);
        return withVersion(Response.ok(StaffDto.of(uy.staff)), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/budget/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "预算数据")
    @Operation(operationId = "putStaff", summary = "替换人员情况",
            description = "整体替换本年度的人员情况（幂等）：编制数、实有、在职、行政、事业、非参公事业、退休和遗属补助人数（人）。" + WRITE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffDto.class),
            examples = @ExampleObject(name = "中路铺镇", value = Examples.STAFF)))
    @APIResponse(responseCode = "200", description = STORED,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitYearView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "404", description = NO_UNIT)
    @APIResponse(responseCode = "412", description = STALE)
    public Response putStaff(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "须有 JSON 请求体") @Valid StaffDto staff) {
        caller.requireBudgetWrite(unitCode);
        UnitYear uy = service.replaceStaff(unitCode, year, Versions.ifMatch(ifMatch), staff);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/budget/adjustments")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = "预算数据")
    @Operation(operationId = "getAdjustments", summary = "读取预算调整明细", description = "调增、调减和追加，按给出的顺序，金额为万元。ETag 为单位年度数据的版本。")
    @APIResponse(responseCode = "200", description = "预算调整明细；ETag 为单位年度数据的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdjustmentList.class),
                    examples = @ExampleObject(name = "中路铺镇", value = Examples.ADJUSTMENTS)))
    @APIResponse(responseCode = "404", description = "该单位该年度没有预算数据")
    public Response getAdjustments(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(unitCode);
        UnitYear uy = load(unitCode, year);
        return withVersion(Response.ok(new AdjustmentList(AmountUnit.WAN_YUAN, uy.adjustments.stream().map(AdjustmentDto::of).toList())), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/budget/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "预算数据")
    @Operation(operationId = "putAdjustments", summary = "替换预算调整明细",
            description = "整体替换本年度的预算调整明细（幂等）。记录了明细后，度量预算调增数（调增加追加）和预算调减数（调减）由明细得出。" + WRITE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdjustmentList.class),
            examples = @ExampleObject(name = "中路铺镇", value = Examples.ADJUSTMENTS)))
    @APIResponse(responseCode = "200", description = STORED,
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitYearView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "404", description = NO_UNIT)
    @APIResponse(responseCode = "412", description = STALE)
    public Response putAdjustments(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "须有 JSON 请求体") @Valid AdjustmentList adjustments) {
        caller.requireBudgetWrite(unitCode);
        UnitYear uy = service.replaceAdjustments(unitCode, year, Versions.ifMatch(ifMatch), adjustments);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/budget/import")
    @Consumes({TableImportMedia.XLSX, MediaType.APPLICATION_OCTET_STREAM, TableImportMedia.CSV})
    @Tag(name = "预算数据")
    @Operation(operationId = "importBudget", summary = "导入年初预算表（xlsx 工作簿或一张表的 CSV）",
            description = "xlsx 工作簿：每张表一个工作表，名为收支总表、收入总表、支出总表，格式同印发的报告（见服务说明），"
                    + "以及绩效目标表（年度总体目标和绩效指标：一级指标、二级指标、三级指标、指标编码、计量单位、指标值、指标方向、分值）"
                    + "和分月执行（月份、基本支出累计、项目支出累计）；"
                    + "找到的每张表整体替换原表，一次导入只产生一个版本。CSV（text/csv，UTF-8，逗号分隔）：一张表，格式同工作簿中该表，"
                    + "用查询参数 table 指明是哪张表。文件有误时列出每个有误的单元格（field 为 表名!单元格），不导入任何数据。"
                    + "文件至多 2 MB，每表至多 2000 行、30 列；压缩炸弹一律拒绝。" + WRITE)
    @RequestBody(required = true, content = {
            @Content(mediaType = TableImportMedia.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "xlsx 工作簿（至多 2 MB）")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "xlsx 工作簿（至多 2 MB），未注明类型时")),
            @Content(mediaType = TableImportMedia.CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "一张表的 CSV（UTF-8，逗号分隔，至多 2 MB）"),
                    examples = @ExampleObject(name = "支出总表", value = Examples.EXPENDITURE_CSV))})
    @APIResponse(responseCode = "200", description = "已导入；响应体为导入后的单位年度全部数据，ETag 为新的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitYearView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "400", description = "文件不是完整可读的 xlsx 工作簿或 UTF-8 的 CSV，没有可识别的表，或有单元格有误（errors 中逐一列出）；未导入任何数据")
    @APIResponse(responseCode = "404", description = NO_UNIT)
    @APIResponse(responseCode = "412", description = STALE)
    @APIResponse(responseCode = "413", description = "文件超过 2 MB，或某表超过 2000 行或 30 列；未导入任何数据")
    public Response importBudget(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = "CSV 导入时必填：是哪张表（expenditure 支出总表、revenue 收入总表、budget-summary 收支总表、targets 绩效目标表、monthly-execution 分月执行）；xlsx 导入时不用",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"expenditure", "revenue", "budget-summary", "targets", "monthly-execution"}))
            @QueryParam("table") String table,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] file) {
        caller.requireBudgetWrite(unitCode);
        byte[] bytes = file == null ? new byte[0] : file;
        boolean csv = contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(TableImportMedia.CSV));
        TableImport.Tables tables = csv ? TableImport.fromCsv(table, bytes) : TableImport.fromXlsx(bytes);
        UnitYear uy = service.importTables(unitCode, year, Versions.ifMatch(ifMatch), tables, csv ? "csv" : "xlsx");
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/budget/measures")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = "度量")
    @Operation(operationId = "getUnitYearMeasures", summary = "读取单位年度的度量值",
            description = "指标公式所用的各度量在该单位该年度的值（名称、含义和单位见度量目录 GET /api/v1/measures）；"
                    + "数据未记录的度量不出现。ETag 为单位年度数据的版本。")
    @APIResponse(responseCode = "200", description = "各度量的值；ETag 为单位年度数据的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasuresView.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.UNIT_MEASURES)))
    @APIResponse(responseCode = "404", description = NO_DATA)
    public Response getMeasures(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(unitCode);
        UnitYear uy = load(unitCode, year);
        return withVersion(Response.ok(new MeasuresView(unitCode, year, uy.version, AmountUnit.STORED, measures(uy))), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/findings")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = "审核发现", description = "每次修改后按审核规则重新得出的问题：上下级科目不平、表间不一致、申报与数据矛盾等")
    @Operation(operationId = "listFindings", summary = "列出单位年度的审核发现",
            description = "最近一次修改时重新审核得出的发现，一次一页：规则编号、严重程度、所在表、科目和字段、应有值与实际值、说明。"
                    + "ETag 为单位年度数据的版本。")
    @APIResponse(responseCode = "200", description = "一页审核发现；ETag 为单位年度数据的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FindingPage.class),
                    examples = @ExampleObject(name = "中路铺镇 2024", value = Examples.FINDINGS)))
    @APIResponse(responseCode = "404", description = NO_DATA)
    public Response listFindings(@PathParam("unitCode") @UnitCode String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
            @Context UriInfo uriInfo) {
        caller.requireRead(unitCode);
        UnitYear uy = load(unitCode, year);
        return withVersion(Response.ok(Page.slice(findings(uy), page, size, uriInfo)), uy);
    }

    private static UnitYear load(String unitCode, int year) {
        return UnitYear.find(unitCode, year)
                .orElseThrow(() -> ApiException.notFound("单位 " + unitCode + " 没有 " + year + " 年度的预算数据"));
    }

    static UnitYearView view(UnitYear uy) {
        return new UnitYearView(uy.unit.code, uy.fiscalYear, uy.version, AmountUnit.STORED, measures(uy),
                StaffDto.of(uy.staff), uy.summaryRecorded ? BudgetSummary.of(uy) : null,
                uy.revenueRows.stream().map(RevenueRowDto::of).toList(), expenditure(uy), ExecutionDto.of(uy),
                uy.adjustments.stream().map(AdjustmentDto::of).toList(), findings(uy));
    }

    private static List<FindingDto> findings(UnitYear uy) {
        return uy.findings.stream().map(f -> FindingDto.of(f.toFinding())).toList();
    }

    private static Map<String, BigDecimal> measures(UnitYear uy) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        MeasureCalculator.compute(uy).forEach((k, v) -> m.put(k.name(), v));
        return m;
    }

    private static List<ExpenditureRowDto> expenditure(UnitYear uy) {
        return uy.expenditureRows.stream().map(ExpenditureRowDto::of).toList();
    }

    private static Response withVersion(Response.ResponseBuilder builder, UnitYear uy) {
        return builder.header(HttpHeaders.ETAG, Versions.etag(uy.version)).build();
    }

    /** The schema of a page of findings in the OpenAPI document (the body is a {@link Page}). */
    @Schema(name = "FindingPage", description = "一页审核发现")
    public static final class FindingPage {
        @Schema(description = "本页的审核发现，按规则检查的顺序")
        public List<FindingDto> items;
        public int page;
        public int size;
        public long total;
        public Page.Links links;

        private FindingPage() {
        }
    }
}
