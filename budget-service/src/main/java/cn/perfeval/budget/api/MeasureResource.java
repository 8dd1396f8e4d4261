package cn.perfeval.budget.api;

import cn.perfeval.budget.security.Roles;
import cn.perfeval.events.measures.Measures;
import cn.perfeval.platform.api.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/measures")
@Tag(name = "度量", description = "指标公式所用的度量：目录（名称、中文名、单位、定义）及各单位年度的值")
@Produces(MediaType.APPLICATION_JSON)
public class MeasureResource {

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Operation(operationId = "listMeasures", summary = "列出度量目录",
            description = "指标公式可用的每个度量：名称、中文名、单位和定义，按目录顺序，一次一页。与评分服务的度量目录是同一份。")
    @APIResponse(responseCode = "200", description = "一页度量",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeasurePage.class),
                    examples = @ExampleObject(name = "目录", value = Examples.MEASURES)))
    public Page<MeasureDto> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                                 @Context UriInfo uriInfo) {
        return Page.slice(Measures.all().stream().map(MeasureDto::of).toList(), page, size, uriInfo);
    }

    @Schema(name = "Measure", description = "度量目录中的一个度量")
    public record MeasureDto(
            @Schema(description = "度量名称，指标公式中用它", example = "yearStartBudget") String name,
            @Schema(description = "中文名", example = "年初预算数") String label,
            @Schema(description = "单位", enumeration = {"万元", "人", "%", "件"}) String unit,
            @Schema(description = "定义：由哪些数据如何得出") String definition) {

        static MeasureDto of(Measures.Measure m) {
            return new MeasureDto(m.name(), m.label(), m.unit(), m.definition());
        }
    }

    /** The schema of a page of measures in the OpenAPI document (the body is a {@link Page}). */
    @Schema(name = "MeasurePage", description = "一页度量")
    public static final class MeasurePage {
        @Schema(description = "本页的度量")
        public List<MeasureDto> items;
        public int page;
        public int size;
        public long total;
        public Page.Links links;

        private MeasurePage() {
        }
    }
}
