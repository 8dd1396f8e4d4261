package cn.perfeval.scoring.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.api.Page;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.ScoreBasis;
import cn.perfeval.scoring.security.AccessPolicy;
import cn.perfeval.scoring.service.ScoringService;
import cn.perfeval.scoring.service.SystemCatalog;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Path("/api/v1/counties/{county}/years/{year}")
@Authenticated
@Tag(name = "县级汇总", description = Tags.COUNTY)
@Produces(MediaType.APPLICATION_JSON)
public class CountyResource {

    private final AgroalDataSource dataSource;
    private final ScoringService scoring;
    private final SystemCatalog systems;
    private final AccessPolicy access;

    public CountyResource(AgroalDataSource dataSource, ScoringService scoring, SystemCatalog systems,
                          AccessPolicy access) {
        this.dataSource = dataSource;
        this.access = access;
        this.scoring = scoring;
        this.systems = systems;
    }

    @Schema(description = "排名所用的指标体系")
    public record SystemRef(String systemCode, int version, @Schema(description = "指标体系名称") String name) {
    }

    @Schema(description = "一级指标组")
    public record GroupHeader(@Schema(description = "指标组代码") String code,
                              @Schema(description = "指标组名称") String name,
                              @Schema(description = "指标组满分（分）") BigDecimal maxPoints) {
    }

    @Schema(description = "排名中的一个单位")
    public record RankedUnit(@Schema(description = "名次（总分相同者名次相同）", minimum = "1") int rank,
                             String unitCode,
                             @Schema(description = "单位名称") String unitName,
                             @Schema(description = "总分（分）") BigDecimal total,
                             @Schema(description = "满分（分）") BigDecimal maxTotal,
                             @Schema(description = "等次（如 优、良、中、差）") String grade,
                             @Schema(description = "是否各指标均已计分") boolean complete,
                             @Schema(description = "计分所用指标体系的版本号") int systemVersion,
                             @Schema(description = "各一级指标组的小计（分），键为指标组代码") Map<String, BigDecimal> groups,
                             @Schema(description = "是否为预计得分（该单位预算数据尚无年终实际支出，按截至 asOfMonth 的数据计算）",
                                     required = true) boolean projected,
                             @Schema(description = "预计得分所用分月执行数据的最近月份（1–12）；没有时为 null", nullable = true,
                                     minimum = "1", maximum = "12") Integer asOfMonth,
                             @Schema(description = "得分依据的中文标示：年终得分，或 预计得分（截至N月）", required = true)
                             String basisLabel) {
    }

    @Schema(description = "某一等次的单位数")
    public record GradeCount(@Schema(description = "等次") String grade, @Schema(description = "单位数（个）") long count) {
    }

    @Schema(description = "全县各单位得分的分布")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Distribution(@Schema(description = "已计分的单位数（个）") int count,
                               @Schema(description = "各等次的单位数，按指标体系的等次标准排列") List<GradeCount> byGrade,
                               @Schema(description = "总分的平均数（分）；无单位时省略") BigDecimal mean,
                               @Schema(description = "总分的中位数（分）；无单位时省略") BigDecimal median,
                               @Schema(description = "其中预计得分的单位数（个）：预算数据尚无年终实际支出的单位", required = true)
                               long projected) {
    }

    /**
     * One page of the ranked units (the page envelope of docs/api.md), with what belongs to the whole
     * county beside it: the system, its first-level groups and the distribution over all units.
     */
    @Schema(description = "县内各单位按总分排名的一页，以及全县的指标体系、一级指标组和得分分布")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RankingPage(@Schema(description = "本页的单位，按名次排列") List<RankedUnit> items,
                              int page, int size, long total, Page.Links links,
                              String county, int year,
                              @Schema(description = "排名所用的指标体系") SystemRef system,
                              @Schema(description = "指标体系的一级指标组") List<GroupHeader> groups,
                              @Schema(description = "全县已计分单位的得分分布（不限于本页）") Distribution distribution) {
    }

    @GET
    @Path("/ranking")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getRanking", summary = "县内各单位按总分排名",
            description = "该县该年度各单位在一个指标体系（system，缺省为分配的指标体系）下的当前结果，总分高者在前（总分相同者名次相同），"
                    + "含等次和各一级指标组小计；预计得分（预算数据尚无年终实际支出的单位）标有 projected 和 basisLabel"
                    + "（如 “预计得分（截至7月）”）。另附全县的得分分布：各等次单位数、平均数、中位数和其中预计得分的单位数。")
    @APIResponse(responseCode = "200", description = "排名；尚无单位计分时为空",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RankingPage.class),
                    examples = @ExampleObject(name = "ranking", value = Examples.RANKING)))
    @APIResponse(responseCode = "400", description = "未知的指标体系")
    @APIResponse(responseCode = "404", description = "路径不对应任何资源（如县名或单位代码为空）")
    public RankingPage ranking(@PathParam("county") @Size(min = 1, max = 100) String county,
                               @PathParam("year") @Min(2000) @Max(2100) int year,
                               @QueryParam("system") String systemCode,
                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size,
                               @Context UriInfo uri) {
        access.countyRanking(county);
        boolean requested = systemCode != null && !systemCode.isBlank();
        // one statement on the summary kept by every recomputation (ranking_entry), ranked as read: the system
        // (the requested one's latest version, else the county's assignment, else the default's latest version),
        // the ranking fields of every unit (for the ranks and the distribution), the other fields for the page only
        long from = (long) page * size;
        IndicatorSystem system = null;
        List<Ranked> ranked = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(RANKING)) {
            st.setBoolean(1, !requested);
            st.setString(2, county);
            st.setInt(3, year);
            st.setString(4, requested ? systemCode : systems.defaultSystemCode());
            st.setLong(5, from);
            st.setLong(6, from + size);
            st.setString(7, county);
            st.setInt(8, year);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (system == null) {
                        // parsed once per version and kept by the catalogue
                        system = systems.find(rs.getString(1), rs.getInt(2)).orElseThrow();
                    }
                    if (rs.getString(3) == null) {
                        break; // no unit of the county is ranked under the system
                    }
                    BigDecimal total = rs.getBigDecimal(4);
                    int i = ranked.size();
                    int rank = i > 0 && ranked.get(i - 1).total().compareTo(total) == 0 ? ranked.get(i - 1).rank() : i + 1;
                    boolean projected = rs.getBoolean(6);
                    RankedUnit unit = null;
                    if (rs.getBoolean(7)) {
                        int month = rs.getInt(13);
                        Integer asOfMonth = rs.wasNull() ? null : month;
                        unit = new RankedUnit(rank, rs.getString(3), rs.getString(8), total, rs.getBigDecimal(9),
                                rs.getString(5), rs.getBoolean(10), rs.getInt(11), scoring.groups(rs.getString(12)),
                                projected, asOfMonth, ScoreBasis.label(projected, asOfMonth));
                    }
                    ranked.add(new Ranked(rank, total, rs.getString(5), projected, unit));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ranking read failed", e);
        }
        if (system == null) {
            if (requested) {
                throw ApiException.invalid("system", "没有代码为 " + systemCode + " 的指标体系；现有指标体系见 GET /api/v1/systems",
                        systemCode);
            }
            throw new IllegalStateException("default indicator system " + systems.defaultSystemCode() + " not found");
        }
        List<RankedUnit> items = ranked.stream().map(Ranked::unit).filter(java.util.Objects::nonNull).toList();
        Page<RankedUnit> one = Page.of(items, page, size, ranked.size(), uri);
        List<GroupHeader> headers = system.groups().stream()
                .map(g -> new GroupHeader(g.code(), g.name(), g.maxPoints())).toList();
        return new RankingPage(items, one.page(), one.size(), one.total(), one.links(), county, year,
                new SystemRef(system.code(), system.version(), system.name()), headers,
                distribution(system, ranked.stream().map(Ranked::total).toList(), ranked.stream().map(Ranked::grade).toList(),
                        ranked.stream().filter(Ranked::projected).count()));
    }

    /** A ranked unit: what the ranks and the distribution need, and the page's item when it is on the page. */
    private record Ranked(int rank, BigDecimal total, String grade, boolean projected, RankedUnit unit) {
    }

    /**
     * Parameters: whether the county's assignment applies (no system requested), county, year, the system
     * code otherwise (requested, or the default); the page's first and last row numbers (from, to], county, year.
     * One row per ranked unit, or one row of the system alone when none is ranked; none when the system is unknown.
     */
    static final String RANKING = "WITH sys AS (SELECT code, version FROM ("
            + "SELECT a.system_code AS code, a.system_version AS version, 0 AS pri FROM system_assignment a "
            + "WHERE ?::boolean AND a.county = ? AND a.fiscal_year = ? "
            + "UNION ALL SELECT s.code, max(s.version), 1 FROM indicator_system s WHERE s.code = ? GROUP BY s.code) x "
            + "ORDER BY pri LIMIT 1), "
            + "r AS (SELECT e.*, (row_number() OVER (ORDER BY e.total DESC, e.unit_code COLLATE \"C\") "
            + "BETWEEN ?::bigint + 1 AND ?::bigint) AS on_page FROM ranking_entry e "
            + "WHERE e.county = ? AND e.fiscal_year = ? AND e.system_code = (SELECT code FROM sys)) "
            + "SELECT sys.code, sys.version, r.unit_code, r.total, r.grade, r.projected, r.on_page, "
            + "CASE WHEN r.on_page THEN r.unit_name END, CASE WHEN r.on_page THEN r.max_total END, "
            + "CASE WHEN r.on_page THEN r.complete END, CASE WHEN r.on_page THEN r.system_version END, "
            + "CASE WHEN r.on_page THEN r.groups END, CASE WHEN r.on_page THEN r.as_of_month END "
            + "FROM sys LEFT JOIN r ON true ORDER BY r.total DESC, r.unit_code COLLATE \"C\"";

    /** The distribution over all ranked units: their totals and grades, in rank order, and how many are projected. */
    private static Distribution distribution(IndicatorSystem system, List<BigDecimal> totals, List<String> grades,
                                             long projected) {
        List<GradeCount> byGrade = new ArrayList<>();
        for (IndicatorSystem.GradeBand band : system.gradeBands()) {
            byGrade.add(new GradeCount(band.grade(), grades.stream().filter(g -> band.grade().equals(g)).count()));
        }
        if (totals.isEmpty()) {
            return new Distribution(0, byGrade, null, null, 0);
        }
        BigDecimal sum = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_UP);
        List<BigDecimal> sorted = totals.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        return new Distribution(n, byGrade, mean.stripTrailingZeros(), median.stripTrailingZeros(), projected);
    }
}
