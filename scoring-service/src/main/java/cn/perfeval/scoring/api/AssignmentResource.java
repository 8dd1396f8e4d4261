package cn.perfeval.scoring.api;

import cn.perfeval.platform.api.Versions;
import cn.perfeval.scoring.domain.Assignment;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.scoring.service.ScoringService;
import cn.perfeval.scoring.service.SystemCatalog;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;

@Path("/api/v1/counties/{county}/years/{year}/assignment")
@Authenticated
@Tag(name = "县级汇总", description = Tags.COUNTY)
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    private final ScoringService scoring;
    private final SystemCatalog systems;
    private final AccessPolicy access;
    private final Caller caller;

    public AssignmentResource(ScoringService scoring, SystemCatalog systems, AccessPolicy access, Caller caller) {
        this.scoring = scoring;
        this.systems = systems;
        this.access = access;
        this.caller = caller;
    }

    @Schema(description = "为县的某年度分配的指标体系版本")
    public record AssignmentRequest(@Schema(description = "指标体系代码，见 GET /api/v1/systems")
                                    @NotBlank @Size(max = 64) String systemCode,
                                    @Schema(description = "指标体系的版本号，见 GET /api/v1/systems/{systemCode}/versions", minimum = "1")
                                    @NotNull @Min(1) Integer systemVersion) {
    }

    @Schema(description = "县某年度用以计分的指标体系版本")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record AssignmentView(String county, int year,
                                 @Schema(description = "指标体系代码") String systemCode,
                                 @Schema(description = "指标体系的版本号") int systemVersion,
                                 @Schema(description = "此分配的版本号（每次更改加 1；未分配时为 0），即 ETag 中的版本号") long version,
                                 @Schema(description = "分配时间；未分配时省略", format = "date-time") OffsetDateTime assignedAt,
                                 @Schema(description = "是否尚未分配、按配置的默认指标体系计分") boolean defaulted) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putAssignment", summary = "为县的某年度分配指标体系版本",
            description = "该县该年度预算数据已到达的单位，立即按此版本重新计分。已有分配时须带 If-Match（当前分配的 ETag）。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentRequest.class),
            examples = @ExampleObject(name = "assignment", value = Examples.ASSIGNMENT_REQUEST)))
    @APIResponse(responseCode = "200", description = "已分配",
            headers = @Header(name = "ETag", description = "此分配的版本号", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentView.class),
                    examples = @ExampleObject(name = "assignment", value = Examples.ASSIGNMENT)))
    @APIResponse(responseCode = "400", description = "没有此指标体系或此版本")
    @APIResponse(responseCode = "404", description = "路径不对应任何资源（如县名或单位代码为空）")
    @APIResponse(responseCode = "412", description = "If-Match 的版本已不是当前分配的版本：他人已更改，请重新读取后再提交")
    @APIResponse(responseCode = "428", description = "该县该年度已有分配，更改时须带 If-Match（当前分配的 ETag）")
    public Response assign(@PathParam("county") @Size(min = 1, max = 100) String county,
                           @PathParam("year") @Min(2000) @Max(2100) int year,
                           @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid AssignmentRequest request) {
        access.admin("分配指标体系");
        Long expected = Versions.ifMatch(ifMatch);
        Assignment a = scoring.assign(caller.actor(), county, year, request.systemCode(), request.systemVersion(), expected);
        return Response.ok(new AssignmentView(county, year, a.systemCode, a.systemVersion, a.version, a.assignedAt, false))
                .header(HttpHeaders.ETAG, Versions.etag(a.version)).build();
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getAssignment", summary = "县某年度用以计分的指标体系版本",
            description = "尚未分配时为配置的默认指标体系（defaulted 为 true，版本号 0）；ETag 为分配的版本号，更改时作为 If-Match 送回。")
    @APIResponse(responseCode = "200", description = "分配",
            headers = @Header(name = "ETag", description = "此分配的版本号（未分配时为 0）", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentView.class),
                    examples = @ExampleObject(name = "assignment", value = Examples.ASSIGNMENT)))
    @APIResponse(responseCode = "404", description = "路径不对应任何资源（如县名或单位代码为空）")
    public Response get(@PathParam("county") @Size(min = 1, max = 100) String county,
                        @PathParam("year") @Min(2000) @Max(2100) int year) {
        access.readCatalog();
        Assignment a = Assignment.findById(new Assignment.Key(county, year));
        AssignmentView view;
        if (a == null) {
            var d = systems.defaultSystem();
            view = new AssignmentView(county, year, d.code(), d.version(), 0, null, true);
        } else {
            view = new AssignmentView(county, year, a.systemCode, a.systemVersion, a.version, a.assignedAt, false);
        }
        return Response.ok(view).header(HttpHeaders.ETAG, Versions.etag(view.version())).build();
    }
}
