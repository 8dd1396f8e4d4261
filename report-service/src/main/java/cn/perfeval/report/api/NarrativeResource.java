package cn.perfeval.report.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.report.domain.Narrative;
import cn.perfeval.report.domain.NarrativeVersion;
import cn.perfeval.report.security.AccessPolicy;
import cn.perfeval.report.service.NarrativeService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.EntityTag;
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

/**
 * The narrative of a unit-year: the sections of its report written by people, one version per save.
 * Once a narrative exists, a save must name the version it replaces (If-Match), docs/api.md.
 */
@Path("/api/v1/units/{unitCode}/years/{year}/narrative")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "报告")
@Authenticated
public class NarrativeResource {

    static final String ETAG = "文字材料的版本号（带引号，如 \"3\"）；修改时放入 If-Match 请求头";

    private final NarrativeService narratives;
    private final AccessPolicy access;
    private final Caller caller;

    public NarrativeResource(NarrativeService narratives, AccessPolicy access, Caller caller) {
        this.narratives = narratives;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getNarrative", summary = "单位年度报告的文字材料（当前版本）",
            description = "最新保存的版本；尚未保存时为第0版，即新报告的模板（各部分应写的内容，【待填写】）。"
                    + "ETag 为版本号，保存时作为 If-Match 发送。")
    @APIResponse(responseCode = "200", description = "最新版本，或模板（第0版）",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NarrativeVersion.class),
                    examples = @ExampleObject(name = "中路铺镇2024年", value = Examples.NARRATIVE_VERSION)))
    public Response current(@PathParam("unitCode") @UnitCode String unitCode,
                            @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.readUnit(unitCode, year);
        NarrativeVersion v = narratives.current(unitCode, year);
        return Response.ok(v).tag(new EntityTag(Long.toString(v.version()))).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putNarrative", summary = "保存文字材料的新版本",
            description = "每次保存都是一个新版本，旧版本仍可查阅；文字按原样保存（换行分段）。"
                    + "文字材料已存在时必须带 If-Match（所修改的版本号），否则答复428；"
                    + "其间有人保存过新版本时答复412，不保存。第一次保存无需 If-Match（或 If-Match: \"0\"）。")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Narrative.class),
            examples = @ExampleObject(name = "中路铺镇2024年", value = Examples.NARRATIVE)))
    @APIResponse(responseCode = "200", description = "保存的新版本",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NarrativeVersion.class),
                    examples = @ExampleObject(name = "中路铺镇2024年", value = Examples.NARRATIVE_VERSION)))
    @APIResponse(responseCode = "400", description = "请求体、单位代码或年度无效，或 If-Match 不是版本号")
    @APIResponse(responseCode = "412", description = "If-Match 所指的版本已不是最新：其间有人保存了文字材料，请重新读取后再修改")
    @APIResponse(responseCode = "428", description = "文字材料已存在，保存时须在 If-Match 中给出所修改的版本号")
    public Response save(@PathParam("unitCode") @UnitCode String unitCode,
                         @PathParam("year") @Min(2000) @Max(2100) int year,
                         @Parameter(description = "所修改的版本号（读取时的 ETag）；文字材料已存在时必填")
                         @HeaderParam("If-Match") String ifMatch,
                         @NotNull @Valid Narrative narrative) {
        access.writeNarrative(unitCode);
        NarrativeVersion v = narratives.save(unitCode, year, narrative, Versions.ifMatch(ifMatch), caller.actor());
        return Response.ok(v).tag(new EntityTag(Long.toString(v.version()))).build();
    }

    @GET
    @Path("/versions")
    @Operation(operationId = "listNarrativeVersions", summary = "文字材料的所有已保存版本",
            description = "从最早的版本起，分页列出；尚未保存时为空列表。")
    @APIResponse(responseCode = "200", description = "一页版本",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NarrativeVersionPage.class),
                    examples = @ExampleObject(name = "中路铺镇2024年", value = Examples.NARRATIVE_HISTORY)))
    public Page<NarrativeVersion> history(@PathParam("unitCode") @UnitCode String unitCode,
                                          @PathParam("year") @Min(2000) @Max(2100) int year,
                                          @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                          @Context UriInfo uri) {
        access.readUnit(unitCode, year);
        return Page.slice(narratives.history(unitCode, year), page, size, uri);
    }

    @GET
    @Path("/versions/{version}")
    @Operation(operationId = "getNarrativeVersion", summary = "文字材料的某一已保存版本",
            description = "按版本号读取一个已保存的版本（从1起）；已保存的版本不再改变。")
    @APIResponse(responseCode = "200", description = "该版本",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NarrativeVersion.class),
                    examples = @ExampleObject(name = "中路铺镇2024年", value = Examples.NARRATIVE_VERSION)))
    @APIResponse(responseCode = "404", description = "该单位该年度的文字材料没有这一版本")
    public NarrativeVersion version(@PathParam("unitCode") @UnitCode String unitCode,
                                    @PathParam("year") @Min(2000) @Max(2100) int year,
                                    @PathParam("version") @Min(1) long version) {
        access.readUnit(unitCode, year);
        return narratives.version(unitCode, year, version).orElseThrow(() -> ApiException.notFound(
                "单位" + unitCode + "在" + year + "年度的文字材料没有第" + version + "版"));
    }
}
