package cn.perfeval.budget.api;

import cn.perfeval.budget.api.UnitYearDtos.ExecutionDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureRowDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureTable;
import cn.perfeval.budget.api.UnitYearDtos.MeasuresView;
import cn.perfeval.budget.api.UnitYearDtos.UnitYearView;
import cn.perfeval.budget.domain.MeasureCalculator;
import cn.perfeval.budget.domain.UnitYear;
import cn.perfeval.budget.service.BudgetService;
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

    public UnitYearResource(BudgetService service) {
        this.service = service;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read a unit-year: version, measures and tables", description = "The ETag header carries the version.")
    @APIResponse(responseCode = "200", description = "The unit-year as stored, amounts in 万元")
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response get(@PathParam("code") @Pattern(regexp = UnitResource.CODE_PATTERN, message = UnitResource.CODE_MESSAGE) String code,
                        @PathParam("year") @Min(2000) @Max(2100) int year) {
        UnitYear uy = load(code, year);
        UnitYearView view = new UnitYearView(code, year, uy.version, AmountUnit.STORED, measures(uy),
                expenditure(uy), ExecutionDto.of(uy.execution));
        return withVersion(Response.ok(view), uy);
    }

    @GET
    @Path("/expenditure")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read the 年初部门预算支出总表", description = "Rows in the order given, amounts in 万元 exactly as stored.")
    @APIResponse(responseCode = "200", description = "The table")
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response getExpenditure(@PathParam("code") @Pattern(regexp = UnitResource.CODE_PATTERN, message = UnitResource.CODE_MESSAGE) String code,
                                   @PathParam("year") @Min(2000) @Max(2100) int year) {
        UnitYear uy = load(code, year);
        return withVersion(Response.ok(new ExpenditureTable(AmountUnit.WAN_YUAN, expenditure(uy))), uy);
    }

    @PUT
    @Path("/expenditure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the 年初部门预算支出总表",
            description = "Replaces the whole table; idempotent. With If-Match, refused when the unit-year has changed since.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "table", value = Examples.EXPENDITURE_TABLE)))
    @APIResponse(responseCode = "200", description = "Stored; the body is the new unit-year, the ETag its version")
    @APIResponse(responseCode = "400", description = "Invalid table",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    public Response putExpenditure(@PathParam("code") @Pattern(regexp = UnitResource.CODE_PATTERN, message = UnitResource.CODE_MESSAGE) String code,
                                   @PathParam("year") @Min(2000) @Max(2100) int year,
                                   @Parameter(description = "the version read before, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @NotNull(message = "a JSON body is required") @Valid ExpenditureTable table) {
        UnitYear uy = service.replaceExpenditure(code, year, parseIfMatch(ifMatch), table);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @Path("/execution")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read the execution of the year")
    @APIResponse(responseCode = "200", description = "Adjustments, actual spending, balance and 三公经费, in 万元")
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response getExecution(@PathParam("code") @Pattern(regexp = UnitResource.CODE_PATTERN, message = UnitResource.CODE_MESSAGE) String code,
                                 @PathParam("year") @Min(2000) @Max(2100) int year) {
        UnitYear uy = load(code, year);
        return withVersion(Response.ok(ExecutionDto.of(uy.execution)), uy);
    }

    @PUT
    @Path("/execution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the execution of the year",
            description = "Adjustments, actual basic and project spending, year-end balance, 三公经费. An absent amount is not recorded.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "execution", value = Examples.EXECUTION)))
    @APIResponse(responseCode = "200", description = "Stored; the body is the new unit-year, the ETag its version")
    @APIResponse(responseCode = "400", description = "Invalid amounts",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = Examples.PROBLEM_STALE)))
    public Response putExecution(@PathParam("code") @Pattern(regexp = UnitResource.CODE_PATTERN, message = UnitResource.CODE_MESSAGE) String code,
                                 @PathParam("year") @Min(2000) @Max(2100) int year,
                                 @Parameter(description = "the version read before, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @NotNull(message = "a JSON body is required") @Valid ExecutionDto execution) {
        UnitYear uy = service.replaceExecution(code, year, parseIfMatch(ifMatch), execution);
        return withVersion(Response.ok(view(uy)), uy);
    }

    @GET
    @Path("/measures")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read the measures of a unit-year", description = "The named quantities indicator formulas use; see GET /api/measures.")
    @APIResponse(responseCode = "200", description = "Measures in 万元; a measure whose data is not recorded is absent")
    @APIResponse(responseCode = "404", description = "No data for this unit and year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public Response getMeasures(@PathParam("code") @Pattern(regexp = UnitResource.CODE_PATTERN, message = UnitResource.CODE_MESSAGE) String code,
                                @PathParam("year") @Min(2000) @Max(2100) int year) {
        UnitYear uy = load(code, year);
        return withVersion(Response.ok(new MeasuresView(code, year, uy.version, AmountUnit.STORED, measures(uy))), uy);
    }

    private static UnitYear load(String code, int year) {
        return UnitYear.find(code, year)
                .orElseThrow(() -> ApiException.notFound("no data for unit " + code + " in fiscal year " + year));
    }

    private static UnitYearView view(UnitYear uy) {
        return new UnitYearView(uy.unit.code, uy.fiscalYear, uy.version, AmountUnit.STORED, measures(uy),
                expenditure(uy), ExecutionDto.of(uy.execution));
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
