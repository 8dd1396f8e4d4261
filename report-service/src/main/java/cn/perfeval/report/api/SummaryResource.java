package cn.perfeval.report.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.PlainText;
import cn.perfeval.report.domain.CountySummary;
import cn.perfeval.report.render.RenderMetrics;
import cn.perfeval.report.render.SummaryRenderer;
import cn.perfeval.report.security.AccessPolicy;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Pattern;
import cn.perfeval.report.service.SummaryService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

@Path("/api/counties/{county}/years/{year}/summary")
@Tag(name = "County summary", description = "All units of a county in a year, ranked")
@Authenticated
@SecurityRequirement(name = "bearer")
public class SummaryResource {

    static final Map<String, String> FORMATS = new LinkedHashMap<>(Map.of());

    static {
        FORMATS.put("html", MediaType.TEXT_HTML);
        FORMATS.put("json", MediaType.APPLICATION_JSON);
        FORMATS.put("docx", ReportResource.DOCX);
        FORMATS.put("xlsx", ReportResource.XLSX);
    }

    private final SummaryService summaries;
    private final AccessPolicy access;
    private final RenderMetrics metrics;

    public SummaryResource(SummaryService summaries, AccessPolicy access, RenderMetrics metrics) {
        this.summaries = summaries;
        this.access = access;
        this.metrics = metrics;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, ReportResource.DOCX, ReportResource.XLSX})
    @Operation(summary = "The ranking of a county's units for a year",
            description = "Totals, grades and first-level group subtotals of every unit whose budget data has reached "
                    + "report-service, ranked by total (units not yet scored last). Format by the format parameter "
                    + "(html, json, docx, xlsx) or the Accept header.")
    @APIResponse(responseCode = "200", description = "The summary", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "json", value = Examples.SUMMARY_JSON)),
            @Content(mediaType = MediaType.TEXT_HTML), @Content(mediaType = ReportResource.DOCX),
            @Content(mediaType = ReportResource.XLSX)})
    @APIResponse(responseCode = "400", description = "Unknown format or invalid year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "unauthorized", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "Finance users, and evaluators of another county",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = Examples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No unit of this county and year has reached report-service",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.SUMMARY_NOT_FOUND)))
    @APIResponse(responseCode = "406", description = "None of the accepted media types is available",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE))
    public Response summary(@PathParam("county") @Size(min = 1, max = 100) @PlainText String county,
                            @PathParam("year") @Min(2000) @Max(2100) int year,
                            @Parameter(description = "html, json, docx or xlsx") @QueryParam("format") String format,
                            @Parameter(description = "indicator system code; default: each unit's newest score") @QueryParam("system") @Pattern(regexp = ReportResource.SYSTEM_CODE) String system,
                            @Context HttpHeaders headers) {
        access.readCountySummary(county);
        String chosen = ReportResource.chooseFormat(format, headers.getAcceptableMediaTypes(), FORMATS);
        CountySummary s = summaries.summary(county, year, system).orElseThrow(() -> ApiException.notFound(
                "no unit of " + county + " in " + year + " has reached report-service"));
        Object body = metrics.render("county-summary", chosen, () -> switch (chosen) {
            case "html" -> SummaryRenderer.html(s);
            case "docx" -> SummaryRenderer.docx(s);
            case "xlsx" -> SummaryRenderer.xlsx(s);
            default -> s;
        });
        Response.ResponseBuilder r = Response.ok(body, FORMATS.get(chosen) + (chosen.equals("html") ? ";charset=UTF-8" : ""));
        if (chosen.equals("docx") || chosen.equals("xlsx")) {
            r.header("Content-Disposition", "attachment; filename=\"county-summary-" + year + "." + chosen + "\"");
        }
        return r.build();
    }
}
