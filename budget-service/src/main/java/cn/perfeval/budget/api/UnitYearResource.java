package cn.perfeval.budget.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.budget.api.UnitYearDtos.AdjustmentDto;
import cn.perfeval.budget.api.UnitYearDtos.AdjustmentList;
import cn.perfeval.budget.api.UnitYearDtos.BudgetSummary;
import cn.perfeval.budget.api.UnitYearDtos.ExecutionDto;
import cn.perfeval.budget.api.UnitYearDtos.FindingDto;
import cn.perfeval.budget.api.UnitYearDtos.FindingsView;
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
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/units/{code}/years/{year}")
@Tag(name = "Unit years", description = "A unit's budget and execution data for one fiscal year")
@Produces(MediaType.APPLICATION_JSON)
public class UnitYearResource {

    private final BudgetService service;
    private final Caller caller;

    public UnitYearResource(BudgetService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read a unit-year: version, measures, staff, tables, execution, adjustments and findings", description = "The ETag header carries the version.")
    @APIResponse(responseCode = "200", description = "The unit-year as stored, amounts in 万元",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit-year", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "400", description = "Invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response get(@PathParam("code") @UnitCode String code,
                        @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(code);
        UnitYear uy = load(code, year);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/expenditure")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read the 年初部门预算支出总表", description = "Rows in the order given, amounts in 万元 exactly as stored.")
    @APIResponse(responseCode = "200", description = "The table",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "table", value = Examples.EXPENDITURE_TABLE)))
    @APIResponse(responseCode = "400", description = "Invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response getExpenditure(@PathParam("code") @UnitCode String code,
                                   @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(code);
        UnitYear uy = load(code, year);
        return withVersion(Response.ok(new ExpenditureTable(AmountUnit.WAN_YUAN, expenditure(uy))), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/expenditure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the 年初部门预算支出总表",
            description = "Replaces the whole table; idempotent. With If-Match, refused when the unit-year has changed since.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "table", value = Examples.EXPENDITURE_TABLE)))
    @APIResponse(responseCode = "200", description = "Stored; the body is the new unit-year, the ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit-year", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "400", description = "Invalid table",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    public Response putExpenditure(@PathParam("code") @UnitCode String code,
                                   @PathParam("year") @Min(2000) @Max(2100) int year,
                                   @Parameter(description = "the version read before, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @NotNull(message = "a JSON body is required") @Valid ExpenditureTable table) {
        caller.requireBudgetWrite(code);
        UnitYear uy = service.replaceExpenditure(code, year, parseIfMatch(ifMatch), table);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/execution")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read the execution of the year")
    @APIResponse(responseCode = "200", description = "Adjustment totals, actual spending, balance, 三公经费 and the other facts of the year, in 万元",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "execution", value = Examples.EXECUTION_FULL)))
    @APIResponse(responseCode = "400", description = "Invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response getExecution(@PathParam("code") @UnitCode String code,
                                 @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(code);
        UnitYear uy = load(code, year);
        return withVersion(Response.ok(ExecutionDto.of(uy)), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/execution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the execution of the year",
            description = "Adjustment totals, actual basic and project spending (also by function code), year-end balance, carry-over, "
                    + "三公经费 (total and by item, this year and last), procurement, public running costs, fixed assets, key projects, "
                    + "payment progress (%), key tasks (件). An absent value is not recorded. With If-Match, refused when the unit-year has changed since.")
    @RequestBody(content = @Content(examples = {@ExampleObject(name = "execution", value = Examples.EXECUTION),
            @ExampleObject(name = "everything", value = Examples.EXECUTION_FULL)}))
    @APIResponse(responseCode = "200", description = "Stored; the body is the new unit-year, the ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit-year", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "400", description = "Invalid amounts",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    public Response putExecution(@PathParam("code") @UnitCode String code,
                                 @PathParam("year") @Min(2000) @Max(2100) int year,
                                 @Parameter(description = "the version read before, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @NotNull(message = "a JSON body is required") @Valid ExecutionDto execution) {
        caller.requireBudgetWrite(code);
        UnitYear uy = service.replaceExecution(code, year, parseIfMatch(ifMatch), execution);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/staff")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read the staff facts of the year")
    @APIResponse(responseCode = "200", description = "编制 and staff counts (人); absent = not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "staff", value = Examples.STAFF)))
    @APIResponse(responseCode = "400", description = "Invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response getStaff(@PathParam("code") @UnitCode String code,
                        @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(code);
        UnitYear uy = load(code, year);
        return withVersion(Response.ok(StaffDto.of(uy.staff)), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the staff facts of the year",
            description = "编制数, 实有, 在职, 行政, 事业, 非参公事业, 退休, 遗属补助 (人). With If-Match, refused when the unit-year has changed since.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "staff", value = Examples.STAFF)))
    @APIResponse(responseCode = "200", description = "Stored; the body is the new unit-year, the ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit-year", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    public Response putStaff(@PathParam("code") @UnitCode String code,
                        @PathParam("year") @Min(2000) @Max(2100) int year,
                        @Parameter(description = "the version read before, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @NotNull(message = "a JSON body is required") @Valid StaffDto staff) {
        caller.requireBudgetWrite(code);
        UnitYear uy = service.replaceStaff(code, year, parseIfMatch(ifMatch), staff);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/budget-summary")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read the 年初部门预算收支总表", description = "Exactly as stored, amounts in 万元.")
    @APIResponse(responseCode = "200", description = "The table",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "budget-summary", value = Examples.BUDGET_SUMMARY)))
    @APIResponse(responseCode = "400", description = "Invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No data for this unit and year, or no 收支总表 recorded",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response getBudgetSummary(@PathParam("code") @UnitCode String code,
                                     @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(code);
        UnitYear uy = load(code, year);
        if (!uy.summaryRecorded) {
            throw ApiException.notFound("no 收支总表 recorded for unit " + code + " in fiscal year " + year);
        }
        return withVersion(Response.ok(BudgetSummary.of(uy)), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/budget-summary")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the 年初部门预算收支总表",
            description = "Revenue by source (sub-items in children), revenue total, expenditure by 类, carry-over, expenditure total; replaces the whole table, idempotent. With If-Match, refused when the unit-year has changed since.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "budget-summary", value = Examples.BUDGET_SUMMARY)))
    @APIResponse(responseCode = "200", description = "Stored; the body is the new unit-year, the ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit-year", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    public Response putBudgetSummary(@PathParam("code") @UnitCode String code,
                        @PathParam("year") @Min(2000) @Max(2100) int year,
                        @Parameter(description = "the version read before, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @NotNull(message = "a JSON body is required") @Valid BudgetSummary summary) {
        caller.requireBudgetWrite(code);
        UnitYear uy = service.replaceBudgetSummary(code, year, parseIfMatch(ifMatch), summary);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/revenue")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read the 年初部门预算收入总表")
    @APIResponse(responseCode = "200", description = "Rows in the order given, amounts in 万元 exactly as stored; empty cells absent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "revenue", value = Examples.REVENUE_TABLE)))
    @APIResponse(responseCode = "400", description = "Invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response getRevenue(@PathParam("code") @UnitCode String code,
                        @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(code);
        UnitYear uy = load(code, year);
        return withVersion(Response.ok(new RevenueTable(AmountUnit.WAN_YUAN, uy.revenueRows.stream().map(RevenueRowDto::of).toList())), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/revenue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the 年初部门预算收入总表",
            description = "Per function code: total, 一般公共预算拨款 (经费拨款, 非税收入拨款), 政府性基金, 专户非税, 上级补助, 其他; replaces the whole table, idempotent. With If-Match, refused when the unit-year has changed since.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "revenue", value = Examples.REVENUE_TABLE)))
    @APIResponse(responseCode = "200", description = "Stored; the body is the new unit-year, the ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit-year", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    public Response putRevenue(@PathParam("code") @UnitCode String code,
                        @PathParam("year") @Min(2000) @Max(2100) int year,
                        @Parameter(description = "the version read before, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @NotNull(message = "a JSON body is required") @Valid RevenueTable table) {
        caller.requireBudgetWrite(code);
        UnitYear uy = service.replaceRevenue(code, year, parseIfMatch(ifMatch), table);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/adjustments")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read the budget adjustments of the year")
    @APIResponse(responseCode = "200", description = "调增 / 调减 / 追加 in the order given, amounts in 万元",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "adjustments", value = Examples.ADJUSTMENTS)))
    @APIResponse(responseCode = "400", description = "Invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response getAdjustments(@PathParam("code") @UnitCode String code,
                        @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(code);
        UnitYear uy = load(code, year);
        return withVersion(Response.ok(new AdjustmentList(AmountUnit.WAN_YUAN, uy.adjustments.stream().map(AdjustmentDto::of).toList())), uy);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the budget adjustments of the year",
            description = "When recorded, the measures adjustmentIncrease (调增 + 追加) and adjustmentDecrease (调减) derive from this list; replaces the whole list, idempotent. With If-Match, refused when the unit-year has changed since.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "adjustments", value = Examples.ADJUSTMENTS)))
    @APIResponse(responseCode = "200", description = "Stored; the body is the new unit-year, the ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit-year", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    public Response putAdjustments(@PathParam("code") @UnitCode String code,
                        @PathParam("year") @Min(2000) @Max(2100) int year,
                        @Parameter(description = "the version read before, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @NotNull(message = "a JSON body is required") @Valid AdjustmentList adjustments) {
        caller.requireBudgetWrite(code);
        UnitYear uy = service.replaceAdjustments(code, year, parseIfMatch(ifMatch), adjustments);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/findings")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read the validation findings of the unit-year")
    @APIResponse(responseCode = "200", description = "Findings recomputed at the last change: rule id, severity, where, expected and actual values, message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "findings", value = Examples.FINDINGS)))
    @APIResponse(responseCode = "400", description = "Invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response getFindings(@PathParam("code") @UnitCode String code,
                        @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(code);
        UnitYear uy = load(code, year);
        return withVersion(Response.ok(new FindingsView(code, year, uy.version, findings(uy))), uy);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/import")
    @Consumes({TableImportMedia.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import the standard tables from an .xlsx workbook",
            description = "One sheet per table, named 收支总表, 收入总表 and 支出总表, in the layout of the printed report "
                    + "(see the README); each sheet found replaces its table, all in one version. A malformed file is "
                    + "refused with the list of offending cells (field = sheet!cell) and nothing is imported. At most 2 MB, "
                    + "2000 rows and 30 columns per sheet; zip bombs are refused.")
    @APIResponse(responseCode = "200", description = "Imported; the body is the new unit-year, the ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit-year", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "400", description = "Malformed workbook or invalid cells",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid cells", value = Examples.PROBLEM_IMPORT)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    @APIResponse(responseCode = "413", description = "File too large",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "too large", value = Examples.PROBLEM_TOO_LARGE)))
    public Response importXlsx(@PathParam("code") @UnitCode String code,
                               @PathParam("year") @Min(2000) @Max(2100) int year,
                               @Parameter(description = "the version read before, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               byte[] file) {
        caller.requireBudgetWrite(code);
        TableImport.Tables tables = TableImport.fromXlsx(file == null ? new byte[0] : file);
        UnitYear uy = service.importTables(code, year, parseIfMatch(ifMatch), tables, "xlsx");
        return withVersion(Response.ok(view(uy)), uy);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE})
    @Path("/import")
    @Consumes(TableImportMedia.CSV)
    @Operation(summary = "Import one standard table from CSV",
            description = "UTF-8, comma-separated, the same layout as the table's sheet in the workbook; the query parameter "
                    + "table names it. A malformed file is refused with the list of offending cells (field = table!cell).")
    @APIResponse(responseCode = "200", description = "Imported; the body is the new unit-year, the ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit-year", value = Examples.UNIT_YEAR)))
    @APIResponse(responseCode = "400", description = "Malformed CSV or invalid cells",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid cells", value = Examples.PROBLEM_IMPORT)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    @APIResponse(responseCode = "413", description = "File too large",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "too large", value = Examples.PROBLEM_TOO_LARGE)))
    public Response importCsv(@PathParam("code") @UnitCode String code,
                              @PathParam("year") @Min(2000) @Max(2100) int year,
                              @Parameter(description = "expenditure, revenue or budget-summary") @QueryParam("table") String table,
                              @Parameter(description = "the version read before, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              byte[] file) {
        caller.requireBudgetWrite(code);
        TableImport.Tables tables = TableImport.fromCsv(table, file == null ? new byte[0] : file);
        UnitYear uy = service.importTables(code, year, parseIfMatch(ifMatch), tables, "csv");
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/measures")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read the measures of a unit-year", description = "The named quantities indicator formulas use; see GET /api/measures.")
    @APIResponse(responseCode = "200", description = "Measures in 万元; a measure whose data is not recorded is absent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "measures", value = Examples.UNIT_MEASURES)))
    @APIResponse(responseCode = "400", description = "Invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response getMeasures(@PathParam("code") @UnitCode String code,
                                @PathParam("year") @Min(2000) @Max(2100) int year) {
        caller.requireRead(code);
        UnitYear uy = load(code, year);
        return withVersion(Response.ok(new MeasuresView(code, year, uy.version, AmountUnit.STORED, measures(uy))), uy);
    }

    private static UnitYear load(String code, int year) {
        return UnitYear.find(code, year)
                .orElseThrow(() -> ApiException.notFound("no data for unit " + code + " in fiscal year " + year));
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
        return builder.tag(new EntityTag(Long.toString(uy.version))).build();
    }

    /** Accepts {@code "3"}, {@code W/"3"} or {@code 3}; null when absent. */
    static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("If-Match", "must be the version from an ETag, e.g. \"3\"", ifMatch);
        }
    }
}
