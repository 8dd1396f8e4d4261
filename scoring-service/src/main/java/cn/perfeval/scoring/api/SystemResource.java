package cn.perfeval.scoring.api;

import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.service.SystemCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/systems")
@Tag(name = "Indicator systems", description = "Indicator systems as data: groups, indicators, formulas, rules, grade bands")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    private final SystemCatalog catalog;

    public SystemResource(SystemCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "List the indicator systems")
    @APIResponse(responseCode = "200", description = "Every system, whole")
    public List<IndicatorSystem> list() {
        return catalog.all();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Read an indicator system")
    @APIResponse(responseCode = "200", description = "The system")
    @APIResponse(responseCode = "404", description = "No such system")
    public IndicatorSystem get(@PathParam("code") String code) {
        return catalog.find(code).orElseThrow(() -> ApiException.notFound("no indicator system " + code));
    }
}
