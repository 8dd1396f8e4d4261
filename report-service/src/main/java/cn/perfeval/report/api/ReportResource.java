package cn.perfeval.report.api;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.render.HtmlRenderer;
import cn.perfeval.report.render.MarkdownRenderer;
import cn.perfeval.report.service.ReportService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Path("/api/reports/{unitCode}/{year}")
@Tag(name = "Reports", description = "The evaluation report of a unit-year")
public class ReportResource {

    static final String MARKDOWN = "text/markdown";
    /** Formats by the name of the {@code format} parameter, in the order preferred for {@code Accept: *}{@code /*}. */
    static final Map<String, String> FORMATS = Map.of("html", MediaType.TEXT_HTML, "markdown", MARKDOWN,
            "json", MediaType.APPLICATION_JSON);
    private static final List<String> PREFERENCE = List.of("html", "markdown", "json");

    private static final String NOT_FOUND = """
            {"type": "urn:perfeval:problem:not-found", "title": "Not found", "status": 404,
             "detail": "no budget data for unit 114303210062309155 in 2024 has reached report-service",
             "instance": "/api/reports/114303210062309155/2024"}""";

    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, MARKDOWN, MediaType.APPLICATION_JSON})
    @Operation(summary = "The report of a unit-year",
            description = "Assembled from report-service's own read model of the budget and score topics. "
                    + "The format is chosen by the format parameter, else by the Accept header.")
    @APIResponse(responseCode = "200", description = "The report, in the chosen format")
    @APIResponse(responseCode = "400", description = "Unknown format",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No budget data of this unit-year has arrived",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public Response report(@PathParam("unitCode") @Pattern(regexp = "[0-9A-Z]{1,32}") String unitCode,
                           @PathParam("year") @Min(2000) @Max(2100) int year,
                           @Parameter(description = "html, markdown or json") @QueryParam("format") String format,
                           @Parameter(description = "indicator system code; default: the newest score") @QueryParam("system") String system,
                           @Context HttpHeaders headers) {
        String chosen = chooseFormat(format, headers.getAcceptableMediaTypes());
        ReportDocument doc = reports.report(unitCode, year, system)
                .orElseThrow(() -> ApiException.notFound("no budget data for unit " + unitCode + " in " + year
                        + " has reached report-service"));
        Object body = switch (chosen) {
            case "html" -> HtmlRenderer.render(doc);
            case "markdown" -> MarkdownRenderer.render(doc);
            default -> doc;
        };
        return Response.ok(body, FORMATS.get(chosen) + (chosen.equals("json") ? "" : ";charset=UTF-8")).build();
    }

    static String chooseFormat(String format, List<MediaType> accepted) {
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase();
            if (!FORMATS.containsKey(f)) {
                throw ApiException.invalid("format", "must be one of html, markdown, json", format);
            }
            return f;
        }
        for (MediaType a : accepted) {
            for (String f : PREFERENCE) {
                if (a.isCompatible(MediaType.valueOf(FORMATS.get(f)))) {
                    return f;
                }
            }
        }
        throw new jakarta.ws.rs.NotAcceptableException("available: text/html, text/markdown, application/json");
    }
}
