package cn.perfeval.scoring.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.scoring.service.ScoringService;
import cn.perfeval.scoring.service.SystemCatalog;
import io.quarkus.security.Authenticated;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/counties/{county}/years/{year}")
@Authenticated
@Tag(name = "County views", description = "Chart-ready views of all units of a county for a year")
@Produces(MediaType.APPLICATION_JSON)
public class CountyResource {

    private final EntityManager em;
    private final ScoringService scoring;
    private final SystemCatalog systems;
    private final AccessPolicy access;

    public CountyResource(EntityManager em, ScoringService scoring, SystemCatalog systems, AccessPolicy access) {
        this.access = access;
        this.em = em;
        this.scoring = scoring;
        this.systems = systems;
    }

    public record SystemRef(String code, int version, String name) {
    }

    public record GroupHeader(String code, String name, BigDecimal maxPoints) {
    }

    public record RankedUnit(int rank, String unitCode, String unitName, BigDecimal total, BigDecimal maxTotal,
                             String grade, boolean complete, int systemVersion, Map<String, BigDecimal> groups) {
    }

    public record GradeCount(String grade, long count) {
    }

    public record Distribution(int count, List<GradeCount> byGrade, BigDecimal mean, BigDecimal median) {
    }

    public record Ranking(String county, int fiscalYear, SystemRef system, List<GroupHeader> groups,
                          List<RankedUnit> units, Distribution distribution) {
    }

    @GET
    @Path("/ranking")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Ranking of the units of a county for a year under one system",
            description = "Current results, highest total first (equal totals share a rank), with grade and first-level group "
                    + "subtotals, and the distribution: count per grade of the system's bands, mean and median.")
    @APIResponse(responseCode = "200", description = "The ranking; no units when none is scored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "ranking", value = Examples.RANKING)))
    @APIResponse(responseCode = "400", description = "Unknown system",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = Examples.UNKNOWN_SYSTEM)))
    public Ranking ranking(@PathParam("county") @Size(min = 1, max = 100) String county,
                           @PathParam("year") @Min(2000) @Max(2100) int year,
                           @QueryParam("system") String systemCode) {
        access.countyRanking(county);
        IndicatorSystem system = systemCode == null || systemCode.isBlank()
                ? systems.systemFor(county, year)
                : systems.find(systemCode).orElseThrow(() ->
                        ApiException.invalid("system", "unknown indicator system; see GET /api/systems", systemCode));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (r.unit_code) r.id, b.unit_name FROM score_result r "
                        + "JOIN budget_snapshot b ON b.unit_code = r.unit_code AND b.fiscal_year = r.fiscal_year "
                        + "WHERE b.county = ?1 AND r.fiscal_year = ?2 AND r.system_code = ?3 ORDER BY r.unit_code, r.seq DESC")
                .setParameter(1, county).setParameter(2, year).setParameter(3, system.code()).getResultList();
        record Row(ScoreRecord record, String unitName) {
        }
        Map<Long, String> names = new LinkedHashMap<>();
        rows.forEach(row -> names.put(((Number) row[0]).longValue(), (String) row[1]));
        List<Row> scored = new ArrayList<>();
        if (!names.isEmpty()) {
            ScoreRecord.<ScoreRecord>list("id in ?1", List.copyOf(names.keySet()))
                    .forEach(r -> scored.add(new Row(r, names.get(r.id))));
        }
        scored.sort(Comparator.comparing((Row r) -> r.record().total).reversed().thenComparing(r -> r.record().unitCode));
        List<RankedUnit> units = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Row row = scored.get(i);
            ScoreRecord r = row.record();
            int rank = i > 0 && units.get(i - 1).total().compareTo(r.total) == 0 ? units.get(i - 1).rank() : i + 1;
            Map<String, BigDecimal> groups = new LinkedHashMap<>();
            scoring.parse(r).groups().stream().filter(g -> g.parent() == null)
                    .forEach(g -> groups.put(g.code(), g.points()));
            units.add(new RankedUnit(rank, r.unitCode, row.unitName(), r.total, r.maxTotal, r.grade, r.complete,
                    r.systemVersion, groups));
        }
        List<GroupHeader> headers = system.groups().stream()
                .map(g -> new GroupHeader(g.code(), g.name(), g.maxPoints())).toList();
        return new Ranking(county, year, new SystemRef(system.code(), system.version(), system.name()), headers, units,
                distribution(system, units));
    }

    private static Distribution distribution(IndicatorSystem system, List<RankedUnit> units) {
        List<GradeCount> byGrade = new ArrayList<>();
        for (IndicatorSystem.GradeBand band : system.gradeBands()) {
            byGrade.add(new GradeCount(band.grade(), units.stream().filter(u -> band.grade().equals(u.grade())).count()));
        }
        if (units.isEmpty()) {
            return new Distribution(0, byGrade, null, null);
        }
        BigDecimal sum = units.stream().map(RankedUnit::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(units.size()), 2, RoundingMode.HALF_UP);
        List<BigDecimal> sorted = units.stream().map(RankedUnit::total).sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        return new Distribution(n, byGrade, mean.stripTrailingZeros(), median.stripTrailingZeros());
    }
}
