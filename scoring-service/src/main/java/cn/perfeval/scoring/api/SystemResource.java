package cn.perfeval.scoring.api;

import cn.perfeval.events.measures.Measures;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.security.Caller;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.scoring.service.SystemCatalog;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api")
@Authenticated
@Tag(name = "Indicator systems", description = "Indicator systems as versioned data: groups, indicators, formulas, rules, grade bands")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    private static final String MEASURES = """
            [{"name": "yearStartBudget", "label": "年初预算数", "unit": "万元", "definition": "支出总表各类科目合计数之和"},
             {"name": "basicBudget", "label": "基本支出年初预算数", "unit": "万元", "definition": "支出总表各类科目基本支出之和"}]""";

    private final SystemCatalog catalog;
    private final AccessPolicy access;
    private final Caller caller;

    public SystemResource(SystemCatalog catalog, AccessPolicy access, Caller caller) {
        this.catalog = catalog;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Path("/systems")
    @Operation(summary = "List the indicator systems", description = "The latest version of every system, whole.")
    @APIResponse(responseCode = "200", description = "Every system",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "systems", value = "[" + Examples.SYSTEM + "]")))
    public List<IndicatorSystem> list() {
        access.readCatalog();
        return catalog.all();
    }

    @POST
    @Path("/systems")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an indicator system",
            description = "Validated (formulas in the restricted expression language over known measures, group maxima, "
                    + "bands without gaps or overlaps, grade bands covering 0 to the maximum total) and stored as version 1.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "system", value = Examples.SYSTEM)))
    @APIResponse(responseCode = "201", description = "Created, as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "system", value = Examples.SYSTEM)))
    @APIResponse(responseCode = "400", description = "Invalid: every problem with its field path",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID_SYSTEM)))
    @APIResponse(responseCode = "409", description = "A system of this code exists",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public Response create(@NotNull IndicatorSystem system, @Context UriInfo uri) {
        access.admin("define indicator systems");
        IndicatorSystem stored = catalog.create(caller.actor(), system);
        return Response.created(uri.getBaseUriBuilder().path("api/systems/{code}/versions/{n}")
                .build(stored.code(), stored.version())).entity(stored).build();
    }

    @GET
    @Path("/systems/{code}")
    @Operation(summary = "Read the latest version of an indicator system")
    @APIResponse(responseCode = "200", description = "The system",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "system", value = Examples.SYSTEM)))
    @APIResponse(responseCode = "404", description = "No such system",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public IndicatorSystem get(@PathParam("code") String code) {
        access.readCatalog();
        return catalog.find(code).orElseThrow(() -> ApiException.notFound("no indicator system " + code));
    }

    @GET
    @Path("/systems/{code}/versions")
    @Operation(summary = "The version numbers of an indicator system")
    @APIResponse(responseCode = "200", description = "Versions, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "versions", value = "[1, 2]")))
    @APIResponse(responseCode = "404", description = "No such system",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public List<Integer> versions(@PathParam("code") String code) {
        access.readCatalog();
        List<Integer> versions = catalog.versions(code);
        if (versions.isEmpty()) {
            throw ApiException.notFound("no indicator system " + code);
        }
        return versions;
    }

    @POST
    @Path("/systems/{code}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a version of an indicator system",
            description = "Stored as the next version; earlier versions, and every score computed with them, stay as they were. "
                    + "Assign it to a county and year to score with it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "system", value = Examples.SYSTEM)))
    @APIResponse(responseCode = "201", description = "Created, as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "system", value = Examples.SYSTEM)))
    @APIResponse(responseCode = "400", description = "Invalid: every problem with its field path",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.INVALID_SYSTEM)))
    @APIResponse(responseCode = "404", description = "No such system",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public Response addVersion(@PathParam("code") String code, @NotNull IndicatorSystem system, @Context UriInfo uri) {
        access.admin("add versions of indicator systems");
        IndicatorSystem stored = catalog.addVersion(caller.actor(), code, system);
        return Response.created(uri.getBaseUriBuilder().path("api/systems/{code}/versions/{n}")
                .build(stored.code(), stored.version())).entity(stored).build();
    }

    @GET
    @Path("/systems/{code}/versions/{n}")
    @Operation(summary = "Read one version of an indicator system")
    @APIResponse(responseCode = "200", description = "The system as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "system", value = Examples.SYSTEM)))
    @APIResponse(responseCode = "404", description = "No such system or version",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public IndicatorSystem version(@PathParam("code") String code, @PathParam("n") int n) {
        access.readCatalog();
        return catalog.find(code, n).orElseThrow(() -> ApiException.notFound("no version " + n + " of indicator system " + code));
    }

    @GET
    @Path("/measures")
    @Operation(summary = "The measure names a formula may use", description = "Those budget-service publishes in its events' measures, "
            + "with their Chinese labels, units and definitions (the one dictionary, the same as budget-service's GET /api/measures).")
    @APIResponse(responseCode = "200", description = "The dictionary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "measures", value = MEASURES)))
    public List<Measures.Measure> measures() {
        access.readCatalog();
        return Measures.all();
    }
}
