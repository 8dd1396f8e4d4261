package cn.perfeval.budget.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.PlainName;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.budget.api.UnitDtos.Page;
import cn.perfeval.budget.api.UnitDtos.UnitRequest;
import cn.perfeval.budget.api.UnitDtos.UnitResponse;
import cn.perfeval.budget.domain.Unit;
import cn.perfeval.budget.domain.UnitYear;
import cn.perfeval.budget.service.BudgetService;
import cn.perfeval.budget.security.Caller;
import cn.perfeval.budget.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.panache.common.Sort;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Path("/api/units")
@Tag(name = "Units", description = "Budget units (部门/预算单位)")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {


    private final BudgetService service;
    private final Caller caller;

    public UnitResource(BudgetService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a unit", description = "Idempotent. Updating a unit publishes a new version of each of its fiscal years.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "中路铺镇", value = Examples.UNIT)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit", value = Examples.UNIT_RESPONSE)))
    @APIResponse(responseCode = "200", description = "Updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit", value = Examples.UNIT_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Invalid body or code",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    public Response put(@PathParam("code") @UnitCode String code,
                        @NotNull(message = "a JSON body is required") @Valid UnitRequest request) {
        BudgetService.UnitWrite w = service.putUnit(code, request);
        return Response.status(w.created() ? 201 : 200)
                .entity(UnitResponse.of(w.unit(), fiscalYears(code))).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/{code}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Read a unit")
    @APIResponse(responseCode = "200", description = "The unit and the fiscal years it has data for",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "unit", value = Examples.UNIT_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Invalid unit code",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    public UnitResponse get(@PathParam("code") @UnitCode String code) {
        caller.requireRead(code);
        Unit u = Unit.findByCode(code);
        if (u == null) {
            throw ApiException.notFound("no unit with code " + code);
        }
        return UnitResponse.of(u, fiscalYears(code));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "List units", description = "Paginated, ordered by code; optionally of one county and/or with data for one fiscal year.")
    @APIResponse(responseCode = "200", description = "One page of units",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = Examples.UNIT_PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid paging",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.PROBLEM_VALIDATION)))
    public Page<UnitResponse> list(@QueryParam("county") @Size(max = 100) @PlainName String county,
                                   @QueryParam("fiscalYear") @Min(2000) @Max(2100) Integer fiscalYear,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        // finance sees its own unit only, an evaluator the units of its county
        if (!caller.seesEverything()) {
            if (caller.has(Roles.FINANCE)) {
                where.add("code = :ownUnit");
                params.put("ownUnit", caller.ownUnit());
            } else if (caller.has(Roles.EVALUATOR)) {
                where.add("county = :ownCounty");
                params.put("ownCounty", caller.ownCounty());
            }
        }
        if (county != null && !county.isBlank()) {
            where.add("county = :county");
            params.put("county", county.strip());
        }
        if (fiscalYear != null) {
            where.add("exists (select 1 from UnitYear y where y.unit = u and y.fiscalYear = :year)");
            params.put("year", fiscalYear);
        }
        String hql = "from Unit u" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        var query = Unit.<Unit>find(hql, Sort.by("code"), params);
        List<UnitResponse> items = query.page(page, size).list().stream()
                .map(u -> UnitResponse.of(u, fiscalYears(u.code))).toList();
        return new Page<>(items, page, size, query.count());
    }

    private static List<Integer> fiscalYears(String code) {
        return UnitYear.listForUnit(code).stream().map(uy -> uy.fiscalYear).toList();
    }
}
