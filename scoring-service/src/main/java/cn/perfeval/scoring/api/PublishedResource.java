package cn.perfeval.scoring.api;

import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.scoring.domain.Consistency;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.Published;
import cn.perfeval.scoring.domain.PublishedRecord;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.scoring.service.ScoringService;
import cn.perfeval.scoring.service.SystemCatalog;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/units/{unitCode}/years/{year}")
@Authenticated
@Tag(name = "得分", description = Tags.SCORES)
@Produces(MediaType.APPLICATION_JSON)
public class PublishedResource {

    private final ScoringService scoring;
    private final SystemCatalog systems;
    private final AccessPolicy access;
    private final Caller caller;

    public PublishedResource(ScoringService scoring, SystemCatalog systems, AccessPolicy access, Caller caller) {
        this.scoring = scoring;
        this.systems = systems;
        this.access = access;
        this.caller = caller;
    }

    @Schema(description = "单位公布的得分与按数据重新计算的结果之间的差异")
    public record InconsistencyView(String unitCode, int year, String systemCode,
                                    @Schema(description = "比较所用的计分结果是该单位年度在此指标体系下的第几次计分") Long version,
                                    @Schema(description = "差异，逐条列出；一致时为空") List<ScoreResult.Inconsistency> inconsistencies) {
    }

    @PUT
    @Path("/published")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putPublished", summary = "记录单位公布的得分",
            description = "单位自评报告中公布的各指标得分及其印制的计算过程（如“307/4988=6.2%”）、各级小计、总分和等次。"
                    + "记录后立即重新计分，计分事件列出公布与计算之间的差异。已有记录时须带 If-Match（当前记录的 ETag）。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Published.class),
            examples = @ExampleObject(name = "published", value = Examples.PUBLISHED)))
    @APIResponse(responseCode = "200", description = "已记录；响应体即所记录的内容",
            headers = @Header(name = "ETag", description = "此记录的版本号", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Published.class),
                    examples = @ExampleObject(name = "published", value = Examples.PUBLISHED)))
    @APIResponse(responseCode = "404", description = "路径不对应任何资源（如县名或单位代码为空）")
    @APIResponse(responseCode = "412", description = "If-Match 的版本已不是当前记录的版本：他人已修改，请重新读取后再提交")
    @APIResponse(responseCode = "428", description = "已有公布得分的记录，修改时须带 If-Match（当前记录的 ETag）")
    public Response record(@PathParam("unitCode") @UnitCode String unitCode,
                           @PathParam("year") @Min(2000) @Max(2100) int year,
                           @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid Published published) {
        access.recordPublished(unitCode);
        Long expected = Versions.ifMatch(ifMatch);
        PublishedRecord r = scoring.recordPublished(caller.actor(), unitCode, year, published, expected);
        return Response.ok(published).header(HttpHeaders.ETAG, Versions.etag(r.version)).build();
    }

    @GET
    @Path("/published")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getPublished", summary = "单位公布的得分",
            description = "最近一次记录的单位公布得分；ETag 为其版本号，修改时作为 If-Match 送回。")
    @APIResponse(responseCode = "200", description = "最近一次记录",
            headers = @Header(name = "ETag", description = "此记录的版本号", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Published.class),
                    examples = @ExampleObject(name = "published", value = Examples.PUBLISHED)))
    @APIResponse(responseCode = "404", description = "尚未记录该单位年度公布的得分")
    public Response published(@PathParam("unitCode") @UnitCode String unitCode,
                              @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.readUnit(unitCode, year);
        ScoringService.RecordedPublished p = scoring.recordedPublished(unitCode, year)
                .orElseThrow(() -> ApiException.notFound(notPublished(unitCode, year)));
        return Response.ok(p.published()).header(HttpHeaders.ETAG, Versions.etag(p.version())).build();
    }

    private static String notPublished(String unitCode, int year) {
        return "尚未记录单位 " + unitCode + " " + year + " 年度公布的得分";
    }

    @GET
    @Path("/inconsistencies")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getInconsistencies", summary = "公布得分与计算结果的差异",
            description = "与该单位年度在指定指标体系（system，缺省为分配的指标体系）下的当前结果比较：各指标得分、印制的数据和结果、"
                    + "各级小计、总分，以及按指标体系等次标准应得的等次。")
    @APIResponse(responseCode = "200", description = "差异；一致时为空",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InconsistencyView.class),
                    examples = @ExampleObject(name = "inconsistencies", value = Examples.INCONSISTENCIES)))
    @APIResponse(responseCode = "400", description = "未知的指标体系")
    @APIResponse(responseCode = "404", description = "尚未记录公布的得分，或尚未计分")
    public InconsistencyView inconsistencies(@PathParam("unitCode") @UnitCode String unitCode,
                                             @PathParam("year") @Min(2000) @Max(2100) int year,
                                             @QueryParam("system") String systemCode) {
        access.readUnit(unitCode, year);
        Published published = scoring.published(unitCode, year)
                .orElseThrow(() -> ApiException.notFound(notPublished(unitCode, year)));
        String code = ScoreResource.systemCode(systems, scoring, unitCode, year, systemCode);
        ScoreRecord r = ScoreRecord.current(unitCode, year, code)
                .orElseThrow(() -> ApiException.notFound(ScoreResource.notScored(unitCode, year, code)));
        IndicatorSystem system = systems.find(r.systemCode, r.systemVersion).orElseThrow();
        return new InconsistencyView(unitCode, year, code, r.seq, Consistency.compare(published, scoring.parse(r), system));
    }
}
