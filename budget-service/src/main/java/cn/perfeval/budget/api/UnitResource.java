package cn.perfeval.budget.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.text.PlainName;
import cn.perfeval.platform.text.UnitCode;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/units")
@Tag(name = "单位", description = "预算单位（部门）的基本信息")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

    static final String ETAG = "版本号（带引号），例如 \"1\"；替换时原样放在 If-Match 中";

    private final BudgetService service;
    private final Caller caller;

    public UnitResource(BudgetService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{unitCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putUnit", summary = "新建或替换单位基本信息",
            description = "单位不存在时新建（无须 If-Match，答 201）；已存在时整体替换，须在 If-Match 中给出读到的版本（ETag），"
                    + "缺少时答 428，版本已过时答 412，均不作任何修改。替换后单位的版本加一，它的每个年度也各得一个新版本并发布事件。仅管理员可用。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UnitRequest.class),
            examples = @ExampleObject(name = "中路铺镇", value = Examples.UNIT)))
    @APIResponse(responseCode = "201", description = "已新建；ETag 为其版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitResponse.class),
                    examples = @ExampleObject(name = "中路铺镇", value = Examples.UNIT_CREATED)))
    @APIResponse(responseCode = "200", description = "已替换；ETag 为新的版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitResponse.class),
                    examples = @ExampleObject(name = "中路铺镇", value = Examples.UNIT_RESPONSE)))
    @APIResponse(responseCode = "412", description = "If-Match 中的版本已不是单位基本信息的当前版本（其间已被他人修改），或单位尚不存在；未作任何修改")
    @APIResponse(responseCode = "428", description = "单位已存在，替换其基本信息须在 If-Match 中给出读到的版本（ETag）；未作任何修改")
    public Response put(@PathParam("unitCode") @UnitCode String unitCode,
                        @Parameter(description = "读到的版本（ETag），例如 \"1\"；单位已存在时必须给出")
                        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                        @NotNull(message = "须有 JSON 请求体") @Valid UnitRequest request) {
        BudgetService.UnitWrite w = service.putUnit(unitCode, Versions.ifMatch(ifMatch), request);
        return Response.status(w.created() ? 201 : 200)
                .header(HttpHeaders.ETAG, Versions.etag(w.unit().version))
                .entity(UnitResponse.of(w.unit(), years(unitCode))).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Path("/{unitCode}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getUnit", summary = "读取单位基本信息",
            description = "单位的名称、所属县和省、单位性质、级别、地址、内设机构，以及它有预算数据的年度；ETag 为基本信息的版本。")
    @APIResponse(responseCode = "200", description = "单位基本信息；ETag 为其版本",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitResponse.class),
                    examples = @ExampleObject(name = "中路铺镇", value = Examples.UNIT_RESPONSE)))
    @APIResponse(responseCode = "404", description = "没有这个统一社会信用代码的单位")
    public Response get(@PathParam("unitCode") @UnitCode String unitCode) {
        caller.requireRead(unitCode);
        Unit u = Unit.findByCode(unitCode);
        if (u == null) {
            throw ApiException.notFound("没有统一社会信用代码为 " + unitCode + " 的单位");
        }
        return Response.ok(UnitResponse.of(u, years(unitCode))).header(HttpHeaders.ETAG, Versions.etag(u.version)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listUnits", summary = "列出单位",
            description = "按统一社会信用代码排序，一次一页；可只列某县的单位，或只列某年度有预算数据的单位。"
                    + "财务人员只看到本单位，评审人员只看到本县的单位。")
    @APIResponse(responseCode = "200", description = "一页单位",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitPage.class),
                    examples = @ExampleObject(name = "湘潭县", value = Examples.UNIT_PAGE)))
    public Page<UnitResponse> list(@Parameter(description = "只列这个县（市、区）的单位", example = "湘潭县")
                                   @QueryParam("county") @Size(max = 100) @PlainName String county,
                                   @Parameter(description = "只列这一年度有预算数据的单位（2000–2100）", example = "2024")
                                   @QueryParam("year") @Min(2000) @Max(2100) Integer year,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                   @Context UriInfo uriInfo) {
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
        if (year != null) {
            where.add("exists (select 1 from UnitYear y where y.unit = u and y.fiscalYear = :year)");
            params.put("year", year);
        }
        String hql = "from Unit u" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        var query = Unit.<Unit>find(hql, Sort.by("code"), params);
        List<UnitResponse> items = query.page(page, size).list().stream()
                .map(u -> UnitResponse.of(u, years(u.code))).toList();
        return Page.of(items, page, size, query.count(), uriInfo);
    }

    private static List<Integer> years(String unitCode) {
        return UnitYear.listForUnit(unitCode).stream().map(uy -> uy.fiscalYear).toList();
    }

    /** The schema of a page of units in the OpenAPI document (the body is a {@link Page}). */
    @Schema(name = "UnitPage", description = "一页单位")
    public static final class UnitPage {
        @Schema(description = "本页的单位")
        public List<UnitResponse> items;
        public int page;
        public int size;
        public long total;
        public Page.Links links;

        private UnitPage() {
        }
    }
}
