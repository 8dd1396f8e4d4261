package cn.perfeval.report.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.text.UnitCode;
import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.render.DocxRenderer;
import cn.perfeval.report.render.HtmlRenderer;
import cn.perfeval.report.render.MarkdownRenderer;
import cn.perfeval.report.render.PdfFonts;
import cn.perfeval.report.render.PdfRenderer;
import cn.perfeval.report.render.RenderMetrics;
import cn.perfeval.report.security.AccessPolicy;
import cn.perfeval.report.service.ReportService;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
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
import java.util.List;
import java.util.Map;

@Path("/api/reports/{unitCode}/{year}")
@Tag(name = "Reports", description = "The evaluation report of a unit-year")
@Authenticated
@SecurityRequirement(name = "bearer")
public class ReportResource {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";
    static final String MARKDOWN = "text/markdown";
    /** An indicator system code as scoring-service names them (e.g. xiangtan-county). */
    static final String SYSTEM_CODE = "[A-Za-z0-9._-]{1,64}";
    /** Formats by the name of the {@code format} parameter, in the order preferred for {@code Accept: *}{@code /*}. */
    static final Map<String, String> FORMATS = formats();

    private final ReportService reports;
    private final PdfFonts fonts;
    private final AccessPolicy access;
    private final RenderMetrics metrics;

    public ReportResource(ReportService reports, PdfFonts fonts, AccessPolicy access, RenderMetrics metrics) {
        this.reports = reports;
        this.fonts = fonts;
        this.access = access;
        this.metrics = metrics;
    }

    private static Map<String, String> formats() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("html", MediaType.TEXT_HTML);
        m.put("markdown", MARKDOWN);
        m.put("json", MediaType.APPLICATION_JSON);
        m.put("docx", DOCX);
        m.put("pdf", PDF);
        return m;
    }

    @GET
    @Produces({MediaType.TEXT_HTML, MARKDOWN, MediaType.APPLICATION_JSON, DOCX, PDF})
    @Operation(summary = "The report of a unit-year",
            description = "Assembled from report-service's own read model of the budget and score topics and the narrative. "
                    + "The format is chosen by the format parameter (docx, pdf, html, markdown, json), else by the Accept header. "
                    + "The same inputs give the same content; the document states the versions it was made from.")
    @APIResponse(responseCode = "200", description = "The report, in the chosen format", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "json", value = Examples.REPORT_JSON)),
            @Content(mediaType = MediaType.TEXT_HTML), @Content(mediaType = MARKDOWN),
            @Content(mediaType = DOCX), @Content(mediaType = PDF)})
    @APIResponse(responseCode = "400", description = "Unknown format, invalid unit code or year",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "bad format", value = Examples.BAD_FORMAT)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "unauthorized", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The token may not read this unit (finance: own unit only; evaluator: own county only)",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = Examples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No budget data of this unit-year has arrived",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.REPORT_NOT_FOUND)))
    @APIResponse(responseCode = "406", description = "None of the accepted media types is available",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "PDF asked for, but no CJK font is installed (the problem names the Debian package)",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "no font", value = Examples.NO_FONT)))
    public Response report(@PathParam("unitCode") @UnitCode String unitCode,
                           @PathParam("year") @Min(2000) @Max(2100) int year,
                           @Parameter(description = "docx, pdf, html, markdown or json") @QueryParam("format") String format,
                           @Parameter(description = "indicator system code; default: the newest score") @QueryParam("system") @Pattern(regexp = SYSTEM_CODE) String system,
                           @Context HttpHeaders headers) {
        access.readUnit(unitCode, year);
        String chosen = chooseFormat(format, headers.getAcceptableMediaTypes(), FORMATS);
        ReportDocument doc = reports.report(unitCode, year, system)
                .orElseThrow(() -> ApiException.notFound("no budget data for unit " + unitCode + " in " + year
                        + " has reached report-service"));
        Object body = metrics.render("report", chosen, () -> switch (chosen) {
            case "html" -> HtmlRenderer.render(doc);
            case "markdown" -> MarkdownRenderer.render(doc);
            case "docx" -> DocxRenderer.render(doc);
            case "pdf" -> PdfRenderer.render(doc, fonts.font());
            default -> doc;
        });
        Response.ResponseBuilder r = Response.ok(body, FORMATS.get(chosen) + (chosen.startsWith("html") || chosen.equals("markdown") ? ";charset=UTF-8" : ""));
        if (chosen.equals("docx") || chosen.equals("pdf")) {
            r.header("Content-Disposition", "inline; filename=\"report-" + unitCode + "-" + year + "." + chosen + "\"");
        }
        return r.build();
    }

    /** The format parameter wins; else the first accepted media type that a format offers. */
    static String chooseFormat(String format, List<MediaType> accepted, Map<String, String> formats) {
        if (format != null && !format.isBlank()) {
            String f = format.strip().toLowerCase();
            if (!formats.containsKey(f)) {
                throw ApiException.invalid("format", "must be one of " + String.join(", ", formats.keySet()), format);
            }
            return f;
        }
        for (MediaType a : accepted) {
            for (Map.Entry<String, String> f : formats.entrySet()) {
                if (a.isCompatible(MediaType.valueOf(f.getValue()))) {
                    return f.getKey();
                }
            }
        }
        throw new NotAcceptableException("available: " + String.join(", ", formats.values()));
    }
}
