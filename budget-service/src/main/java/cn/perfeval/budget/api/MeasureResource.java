package cn.perfeval.budget.api;

import cn.perfeval.budget.security.Roles;
import cn.perfeval.events.measures.Measures;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/measures")
@Tag(name = "Measures", description = "The dictionary of named quantities that indicator formulas use")
@Produces(MediaType.APPLICATION_JSON)
public class MeasureResource {

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.FINANCE, Roles.EVALUATOR, Roles.VIEWER})
    @Operation(summary = "List the measure dictionary")
    @APIResponse(responseCode = "200", description = "Every measure with its label, unit and definition",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "dictionary", value = Examples.MEASURES)))
    public List<Measures.Measure> list() {
        return Measures.all();
    }
}
