package cn.perfeval.scoring.api;

import cn.perfeval.events.measures.Measures;
import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.StoredSystem;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.scoring.service.SystemCatalog;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;

/**
 * Indicator systems as versioned data. A stored version never changes: a change is a new version
 * (POST …/versions), so versions have no ETag and no PUT.
 */
@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    private final SystemCatalog catalog;
    private final AccessPolicy access;
    private final Caller caller;

    public SystemResource(SystemCatalog catalog, AccessPolicy access, Caller caller) {
        this.catalog = catalog;
        this.access = access;
        this.caller = caller;
    }

    @Schema(description = "指标体系的一个版本（不含内容）")
    public record SystemVersion(String systemCode, int version,
                                @Schema(description = "该版本的指标体系名称") String name,
                                @Schema(description = "是否随服务发布的指标体系（启动时载入）") boolean shipped,
                                @Schema(description = "存储时间", format = "date-time") OffsetDateTime createdAt) {
    }

    @Schema(description = "指标公式可用的一个度量")
    public record MeasureView(@Schema(description = "度量名，公式中以此引用（如 yearStartBudget）") String name,
                              @Schema(description = "中文名称（如 年初预算数）") String label,
                              @Schema(description = "计量单位（如 万元、人、%）") String unit,
                              @Schema(description = "口径：由预算数据的哪些项目得出") String definition) {
    }

    @GET
    @Path("/systems")
    @Tag(name = "指标体系", description = Tags.SYSTEMS)
    @Operation(operationId = "listSystems", summary = "指标体系列表",
            description = "每个指标体系的最新版本，含全部内容，按代码排列。")
    @APIResponse(responseCode = "200", description = "指标体系",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.Systems.class),
                    examples = @ExampleObject(name = "systems", value = Examples.SYSTEMS)))
    public Page<IndicatorSystem> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                      @Context UriInfo uri) {
        access.readCatalog();
        return Page.slice(catalog.all(), page, size, uri);
    }

    @POST
    @Path("/systems")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "指标体系", description = Tags.SYSTEMS)
    @Operation(operationId = "createSystem", summary = "新建指标体系",
            description = "校验后存为第 1 版：公式只用受限的表达式和已知度量，各组满分等于下级满分之和，计分区间无缺口、无重叠，"
                    + "等次标准恰好覆盖 0 到满分；按绩效目标计分的指标（fromTargets）须给出一级类别（产出、效益或满意度）和分值分配方式"
                    + "（targetTable 或 even），且不能同时有公式、计分规则或评价人评分。"
                    + "已存在同代码的指标体系时为 409（包括同时提交的两个请求），改为新增版本。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorSystem.class),
            examples = {@ExampleObject(name = "system", value = Examples.SYSTEM),
                    @ExampleObject(name = "fromTargets", summary = "产出、效益按绩效目标完成情况计分", value = Examples.SYSTEM_FROM_TARGETS)}))
    @APIResponse(responseCode = "201", description = "已新建；响应体为所存储的指标体系",
            headers = @Header(name = "Location", description = "所存储版本的地址", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorSystem.class),
                    examples = @ExampleObject(name = "system", value = Examples.SYSTEM_STORED)))
    @APIResponse(responseCode = "400", description = "指标体系有误：逐项列出问题及其字段路径")
    @APIResponse(responseCode = "409", description = "已存在此代码的指标体系；修改请新增版本")
    public Response create(@NotNull IndicatorSystem system, @Context UriInfo uri) {
        access.admin("新建指标体系");
        IndicatorSystem stored = catalog.create(caller.actor(), system);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/systems/{systemCode}/versions/{version}")
                .build(stored.code(), stored.version())).entity(stored).build();
    }

    @GET
    @Path("/systems/{systemCode}")
    @Tag(name = "指标体系", description = Tags.SYSTEMS)
    @Operation(operationId = "getSystem", summary = "指标体系的当前版本", description = "该指标体系最新版本的全部内容。")
    @APIResponse(responseCode = "200", description = "指标体系",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorSystem.class),
                    examples = @ExampleObject(name = "system", value = Examples.SYSTEM_STORED)))
    @APIResponse(responseCode = "404", description = "没有此指标体系")
    public IndicatorSystem get(@PathParam("systemCode") String systemCode) {
        access.readCatalog();
        return catalog.find(systemCode).orElseThrow(() -> noSystem(systemCode));
    }

    private static ApiException noSystem(String systemCode) {
        return ApiException.notFound("没有代码为 " + systemCode + " 的指标体系");
    }

    @GET
    @Path("/systems/{systemCode}/versions")
    @Tag(name = "指标体系", description = Tags.SYSTEMS)
    @Operation(operationId = "listSystemVersions", summary = "指标体系的各版本", description = "各版本的版本号、名称和存储时间，按版本号排列。")
    @APIResponse(responseCode = "200", description = "各版本",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.SystemVersions.class),
                    examples = @ExampleObject(name = "versions", value = Examples.SYSTEM_VERSIONS)))
    @APIResponse(responseCode = "404", description = "没有此指标体系")
    public Page<SystemVersion> versions(@PathParam("systemCode") String systemCode,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                        @Context UriInfo uri) {
        access.readCatalog();
        var versions = catalog.storedVersions(systemCode).stream().map(SystemResource::summary).toList();
        if (versions.isEmpty()) {
            throw noSystem(systemCode);
        }
        return Page.slice(versions, page, size, uri);
    }

    private static SystemVersion summary(StoredSystem s) {
        return new SystemVersion(s.key.code(), s.key.version(), s.name, s.shipped, s.createdAt);
    }

    @POST
    @Path("/systems/{systemCode}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "指标体系", description = Tags.SYSTEMS)
    @Operation(operationId = "createSystemVersion", summary = "新增指标体系的版本",
            description = "校验后存为下一版；之前的版本及按其计算的得分保持不变。分配给县的某年度后才按新版本计分。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorSystem.class),
            examples = @ExampleObject(name = "system", value = Examples.SYSTEM)))
    @APIResponse(responseCode = "201", description = "已新增；响应体为所存储的版本",
            headers = @Header(name = "Location", description = "所存储版本的地址", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorSystem.class),
                    examples = @ExampleObject(name = "system", value = Examples.SYSTEM_STORED)))
    @APIResponse(responseCode = "400", description = "指标体系有误：逐项列出问题及其字段路径；或请求体中的代码与路径不同")
    @APIResponse(responseCode = "404", description = "没有此指标体系")
    public Response addVersion(@PathParam("systemCode") String systemCode, @NotNull IndicatorSystem system, @Context UriInfo uri) {
        access.admin("新增指标体系的版本");
        IndicatorSystem stored = catalog.addVersion(caller.actor(), systemCode, system);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/systems/{systemCode}/versions/{version}")
                .build(stored.code(), stored.version())).entity(stored).build();
    }

    @GET
    @Path("/systems/{systemCode}/versions/{version}")
    @Tag(name = "指标体系", description = Tags.SYSTEMS)
    @Operation(operationId = "getSystemVersion", summary = "指标体系的某一版本", description = "该版本存储时的全部内容；版本一经存储不再改变。")
    @APIResponse(responseCode = "200", description = "指标体系的该版本",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorSystem.class),
                    examples = @ExampleObject(name = "system", value = Examples.SYSTEM_STORED)))
    @APIResponse(responseCode = "404", description = "没有此指标体系或此版本")
    public IndicatorSystem version(@PathParam("systemCode") String systemCode, @PathParam("version") int version) {
        access.readCatalog();
        return catalog.find(systemCode, version).orElseThrow(() ->
                ApiException.notFound("指标体系 " + systemCode + " 没有第 " + version + " 版"));
    }

    @GET
    @Path("/measures")
    @Tag(name = "度量", description = Tags.MEASURES)
    @Operation(operationId = "listScoringMeasures", summary = "公式可用的度量",
            description = "预算服务在其事件中发布的度量，含中文名称、计量单位和口径；与预算服务的 GET /api/v1/measures 为同一目录。")
    @APIResponse(responseCode = "200", description = "度量目录",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Pages.Measures.class),
                    examples = @ExampleObject(name = "measures", value = Examples.MEASURES)))
    public Page<MeasureView> measures(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                      @Context UriInfo uri) {
        access.readCatalog();
        return Page.slice(Measures.all().stream().map(m -> new MeasureView(m.name(), m.label(), m.unit(), m.definition())).toList(),
                page, size, uri);
    }
}
