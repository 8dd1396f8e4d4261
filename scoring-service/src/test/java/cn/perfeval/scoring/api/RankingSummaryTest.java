package cn.perfeval.scoring.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.scoring.TestAuth;
import cn.perfeval.scoring.TestEvents;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.ScoreBasis;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.service.ScoringService;
import cn.perfeval.scoring.service.SystemCatalog;
import cn.perfeval.testsupport.EmbeddedInfrastructureResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The county ranking served from its summary table (ranking_entry) answers byte for byte what the
 * ranking assembled from the score rows answered before (kept here as the reference: {@link #assembled}),
 * on a county of 30 unit-years: ties, projected units, judged units, a renamed unit, a unit moved out of
 * the county, and one whose event was set aside (not scored).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class RankingSummaryTest {

    @Inject
    EntityManager em;
    @Inject
    ScoringService scoring;
    @Inject
    SystemCatalog systems;
    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void asAdmin() {
        TestAuth.asAdmin();
    }

    @AfterEach
    void anonymous() {
        TestAuth.anonymous();
    }

    static String event(String unit, String county, long version, String name, String actual, Integer asOfMonth) {
        String e = TestEvents.budgetEvent(unit, county, version,
                "{\"totalActual\": " + actual + ", \"adjustedBudget\": 100}").replace("湘潭县中路铺镇人民政府", name);
        return asOfMonth == null ? e
                : e.replace("\"measures\":", "\"period\": {\"yearEnd\": false, \"asOfMonth\": " + asOfMonth + "}, \"measures\":");
    }

    @Test
    void theSummaryAnswersWhatTheAssembledRankingAnswered() throws Exception {
        String county = "RANKCMP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String elsewhere = county + "-B";
        given().contentType(ContentType.JSON).body(CountyViewsTest.SELF_EVALUATION)
                .put("/api/v1/counties/" + county + "/years/2024/assignment").then().statusCode(200);
        String[] actuals = {"100", "80", "80", "50", "95.5", "61.25", "80", "100", "33", "70"};
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String unit = TestEvents.newUnit();
            units.add(unit);
            Integer month = i % 4 == 1 ? 3 + i % 9 : null;   // every fourth unit projected
            TestEvents.send(unit + ":2024", event(unit, county, 1, "测试单位" + i, actuals[i % actuals.length], month));
        }
        String renamed = units.get(3);
        TestEvents.send(renamed + ":2024", event(renamed, county, 2, "更名后的单位", "77", null));
        String moved = units.get(4);
        TestEvents.send(moved + ":2024", event(moved, elsewhere, 2, "测试单位4", "95.5", null));
        String setAside = TestEvents.newUnit();
        TestEvents.send(setAside + ":2024", event(setAside, county, 1, "未计分单位", "1e16", null));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .get("/api/v1/counties/" + county + "/years/2024/ranking").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(29))
                .body("items.unitName", org.hamcrest.Matchers.hasItem("更名后的单位")));
        // judged units: rescored by the judgement, the ranking row follows
        for (int i = 0; i < 6; i++) {
            given().contentType(ContentType.JSON).body("{\"deduction\": " + i + ", \"reason\": \"测试\", \"by\": \"评价组\"}")
                    .put("/api/v1/units/" + units.get(i * 5) + "/years/2024/judgements/self-evaluation-2020/Y1")
                    .then().statusCode(200);
        }

        for (String query : new String[]{"", "?page=0&size=200", "?page=1&size=7", "?page=4&size=7", "?size=3",
                "?system=self-evaluation-2020&size=10", "?system=xiangtan-county"}) {
            String path = "/api/v1/counties/" + county + "/years/2024/ranking" + query;
            String served = given().get(path).then().statusCode(200).extract().asString();
            String expected = mapper.writeValueAsString(assembled(county, 2024, query, URI.create("http://localhost" + path)));
            assertThat(served).as(path).isEqualTo(expected);
        }
        // the migration's backfill of an existing database rebuilds the same rows from the score rows
        String migration = new String(getClass().getResourceAsStream("/db/migration/V8__ranking_entry.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String backfill = migration.substring(migration.indexOf("INSERT INTO ranking_entry"));
        backfill = backfill.substring(0, backfill.lastIndexOf(';')) + " ON CONFLICT DO NOTHING";
        String sql = backfill;
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(em.createNativeQuery("DELETE FROM ranking_entry WHERE county IN (?1, ?2)")
                    .setParameter(1, county).setParameter(2, elsewhere).executeUpdate())
                    .isEqualTo(31);   // 29 units, and the moved one under the system it had here and the one it has there
            em.createNativeQuery(sql).executeUpdate();
        });
        for (String query : new String[]{"", "?page=1&size=7"}) {
            String path = "/api/v1/counties/" + county + "/years/2024/ranking" + query;
            assertThat(given().get(path).then().statusCode(200).extract().asString()).as("backfilled " + path)
                    .isEqualTo(mapper.writeValueAsString(assembled(county, 2024, query, URI.create("http://localhost" + path))));
        }
        String other = "/api/v1/counties/" + elsewhere + "/years/2024/ranking";
        assertThat(given().get(other).then().statusCode(200).extract().asString())
                .contains(moved)
                .isEqualTo(mapper.writeValueAsString(assembled(elsewhere, 2024, "", URI.create("http://localhost" + other))));
    }

    private record Row(ScoreRecord record, String unitName) {
    }

    /** The ranking as CountyResource assembled it before the summary table: the latest score row of every unit. */
    private CountyResource.RankingPage assembled(String county, int year, String query, URI request) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.substring(1).split("&")) {
                params.put(pair.split("=")[0], pair.split("=")[1]);
            }
        }
        int page = Integer.parseInt(params.getOrDefault("page", "0"));
        int size = Integer.parseInt(params.getOrDefault("size", "50"));
        IndicatorSystem system = params.containsKey("system") ? systems.find(params.get("system")).orElseThrow()
                : systems.systemFor(county, year);
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (r.unit_code) r.id, b.unit_name FROM score_result r "
                            + "JOIN budget_snapshot b ON b.unit_code = r.unit_code AND b.fiscal_year = r.fiscal_year "
                            + "WHERE b.county = ?1 AND r.fiscal_year = ?2 AND r.system_code = ?3 ORDER BY r.unit_code, r.seq DESC")
                    .setParameter(1, county).setParameter(2, year).setParameter(3, system.code()).getResultList();
            Map<Long, String> names = new LinkedHashMap<>();
            rows.forEach(row -> names.put(((Number) row[0]).longValue(), (String) row[1]));
            List<Row> scored = new ArrayList<>();
            if (!names.isEmpty()) {
                ScoreRecord.<ScoreRecord>list("id in ?1", List.copyOf(names.keySet()))
                        .forEach(r -> scored.add(new Row(r, names.get(r.id))));
            }
            scored.sort(Comparator.comparing((Row r) -> r.record().total).reversed().thenComparing(r -> r.record().unitCode));
            List<CountyResource.RankedUnit> ranked = new ArrayList<>();
            for (int i = 0; i < scored.size(); i++) {
                ScoreRecord r = scored.get(i).record();
                int rank = i > 0 && ranked.get(i - 1).total().compareTo(r.total) == 0 ? ranked.get(i - 1).rank() : i + 1;
                Map<String, BigDecimal> groups = new LinkedHashMap<>();
                scoring.parse(r).groups().stream().filter(g -> g.parent() == null)
                        .forEach(g -> groups.put(g.code(), g.points()));
                ranked.add(new CountyResource.RankedUnit(rank, r.unitCode, scored.get(i).unitName(), r.total, r.maxTotal,
                        r.grade, r.complete, r.systemVersion, groups, r.projected, r.asOfMonth,
                        ScoreBasis.label(r.projected, r.asOfMonth)));
            }
            List<CountyResource.GroupHeader> headers = system.groups().stream()
                    .map(g -> new CountyResource.GroupHeader(g.code(), g.name(), g.maxPoints())).toList();
            Page<CountyResource.RankedUnit> one = Page.slice(ranked, page, size, request);
            return new CountyResource.RankingPage(one.items(), one.page(), one.size(), one.total(), one.links(), county,
                    year, new CountyResource.SystemRef(system.code(), system.version(), system.name()), headers,
                    distribution(system, ranked));
        });
    }

    private static CountyResource.Distribution distribution(IndicatorSystem system, List<CountyResource.RankedUnit> units) {
        List<CountyResource.GradeCount> byGrade = new ArrayList<>();
        for (IndicatorSystem.GradeBand band : system.gradeBands()) {
            byGrade.add(new CountyResource.GradeCount(band.grade(),
                    units.stream().filter(u -> band.grade().equals(u.grade())).count()));
        }
        if (units.isEmpty()) {
            return new CountyResource.Distribution(0, byGrade, null, null, 0);
        }
        BigDecimal sum = units.stream().map(CountyResource.RankedUnit::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(units.size()), 2, RoundingMode.HALF_UP);
        List<BigDecimal> sorted = units.stream().map(CountyResource.RankedUnit::total).sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
        return new CountyResource.Distribution(n, byGrade, mean.stripTrailingZeros(), median.stripTrailingZeros(),
                units.stream().filter(CountyResource.RankedUnit::projected).count());
    }
}
