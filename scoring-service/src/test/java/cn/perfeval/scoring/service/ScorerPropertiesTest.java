package cn.perfeval.scoring.service;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.measures.Measures;
import cn.perfeval.platform.json.JsonConfig;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.Judgement;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.scoring.domain.ScoreResult.IndicatorResult;
import cn.perfeval.scoring.domain.ScoreResult.Status;
import cn.perfeval.scoring.domain.Scorer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.perfeval.scoring.Generated;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Property-based, with generated cases ({@link Generated}: a seeded generator, the seed printed and
 * replayable; not jqwik, see the report of issue #13): the scorer, over every shipped indicator system read as the service reads
 * it, with generated measures — zeros of every scale, the largest and smallest figures the API lets
 * through (10^14, 10^-10), negatives, measures absent or null — and judgements or none, never throws;
 * every indicator is scored within [0, its maximum] or has a status saying why not, with a Chinese
 * explanation; the total is the sum of the points, the grade the one of the total, the result the
 * same for the same input.
 */
class ScorerPropertiesTest {

    /** A Chinese sentence: some CJK, no class name, no stack-trace wording. */
    static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    static final Pattern TECHNICAL = Pattern.compile("Exception|java\\.|\\bnull\\b|NaN|Infinity|BigDecimal");

    /** The shipped systems as the service reads them: the request mapper (JsonConfig) without its unknown-field check. */
    static final List<IndicatorSystem> SYSTEMS = shippedSystems();

    static List<IndicatorSystem> shippedSystems() {
        ObjectMapper lenient = new ObjectMapper();
        new JsonConfig().customize(lenient);
        lenient.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<IndicatorSystem> out = new ArrayList<>();
        for (String code : SystemCatalog.SHIPPED) {
            try (InputStream in = ScorerPropertiesTest.class.getResourceAsStream("/systems/" + code + ".json")) {
                out.add(lenient.readValue(Objects.requireNonNull(in, code), IndicatorSystem.class));
            } catch (Exception e) {
                throw new IllegalStateException(code, e);
            }
        }
        return out;
    }

    @Test
    void everySystemShippedIsDrivenHere() throws Exception {
        URL dir = ScorerPropertiesTest.class.getResource("/systems");
        String[] files = new File(Objects.requireNonNull(dir).toURI()).list((d, n) -> n.endsWith(".json"));
        assertThat(Arrays.stream(Objects.requireNonNull(files)).map(n -> n.replace(".json", "")))
                .containsExactlyInAnyOrderElementsOf(SystemCatalog.SHIPPED);
        assertThat(SYSTEMS).hasSize(SystemCatalog.SHIPPED.size());
    }

    /** Judgements of some judged indicators, within their maximum (the API refuses any other). */
    static Map<String, Judgement> judgements(Generated g, IndicatorSystem system) {
        Map<String, Judgement> out = new HashMap<>();
        for (IndicatorSystem.Node leaf : system.leaves()) {
            if (leaf.judged() && g.chance(50)) {
                BigDecimal points = leaf.maxPoints().multiply(BigDecimal.valueOf(g.between(0, 100)))
                        .divide(BigDecimal.valueOf(100));
                out.put(leaf.code(), new Judgement(points, null, "按自评材料评分", null, "评价组", null));
            }
        }
        return out;
    }

    record Case(IndicatorSystem system, Map<String, BigDecimal> measures, Map<String, Judgement> judgements,
                List<BudgetUnitYearChanged.Target> targets) {
        static Case of(Generated g) {
            IndicatorSystem s = g.oneOf(SYSTEMS);
            return new Case(s, g.measures(true), ScorerPropertiesTest.judgements(g, s), g.targets());
        }

        @Override
        public String toString() {
            return system.code() + " " + measures + " judged " + judgements.keySet() + " targets " + targets;
        }
    }

    @Test
    void neverThrowsAndEveryIndicatorIsScoredWithinItsMaximumOrSaysWhyNot() {
        Map<Status, Integer> seen = new java.util.EnumMap<>(Status.class);
        Map<Status, Integer> fromTargetsSeen = new java.util.EnumMap<>(Status.class);
        Generated.forAll("scorer: bounds, sums, grades", 3000, g -> {
            Case c = Case.of(g);
            ScoreResult[] holder = new ScoreResult[1];
            assertThatCode(() -> holder[0] = Scorer.score(c.system(), c.measures(), c.judgements(), c.targets())).as(c.toString())
                    .doesNotThrowAnyException();
            ScoreResult r = holder[0];

            assertThat(r.indicators()).hasSameSizeAs(c.system().leaves());
            for (IndicatorResult i : r.indicators()) {
                seen.merge(i.status(), 1, Integer::sum);
                assertThat(i.explanation()).as(i.code() + " in " + c).isNotBlank().containsPattern(CJK)
                        .doesNotContainPattern(TECHNICAL);
                assertThat(i.statusLabel()).containsPattern(CJK);
                IndicatorSystem.Node leaf = c.system().leaf(i.code()).orElseThrow();
                if (leaf.fromTargets() != null) {
                    fromTargets(i, leaf, c);
                    seen.merge(i.status(), 0, Integer::sum);
                    fromTargetsSeen.merge(i.status(), 1, Integer::sum);
                } else if (i.status() == Status.SCORED) {
                    assertThat(i.points()).as(i.code() + " " + i.explanation() + " in " + c).isNotNull()
                            .isBetween(BigDecimal.ZERO, i.maxPoints());
                } else {
                    assertThat(i.status()).isIn(Status.NOT_COMPUTABLE, Status.MISSING_DATA, Status.AWAITING_JUDGEMENT);
                    assertThat(i.points()).as(i.code() + " in " + c).isNull();
                }
            }
            BigDecimal sum = r.indicators().stream().map(IndicatorResult::points).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(r.total()).as(c.toString()).isEqualByComparingTo(sum);
            BigDecimal groups = r.groups().stream().filter(gr -> gr.parent() == null).map(ScoreResult.GroupResult::points)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(r.total()).as(c.toString()).isEqualByComparingTo(groups);
            assertThat(r.total()).as(c.toString()).isBetween(BigDecimal.ZERO, r.maxTotal());
            assertThat(r.grade()).as(c.toString()).isNotNull().isEqualTo(c.system().gradeOf(r.total()));
            assertThat(r.complete()).isEqualTo(r.indicators().stream().allMatch(i -> i.status() == Status.SCORED));
        });
        // the generator reaches every outcome, or the properties above say little
        assertThat(seen.keySet()).containsExactlyInAnyOrder(Status.values());
        assertThat(fromTargetsSeen.keySet()).containsExactlyInAnyOrder(Status.SCORED, Status.MISSING_DATA);
        System.out.println("ScorerPropertiesTest: indicator outcomes " + seen + ", from targets " + fromTargetsSeen);
    }

    /**
     * A leaf scored from targets: every target of its category listed, each scored within [0, its share]
     * or missing its data with no points; the leaf SCORED with every target scored, else MISSING_DATA —
     * with no points when the category has no target, else the targets scored summed, within [0, its maximum].
     */
    static void fromTargets(IndicatorResult i, IndicatorSystem.Node leaf, Case c) {
        String level1 = leaf.fromTargets().level1();
        long ofCategory = c.targets() == null ? 0 : c.targets().stream().filter(t -> level1.equals(t.level1())).count();
        assertThat(i.targets()).as(i.code() + " in " + c).hasSize((int) ofCategory);
        for (ScoreResult.TargetResult t : i.targets()) {
            assertThat(t.explanation()).as(t.code() + " in " + c).containsPattern(CJK).doesNotContainPattern(TECHNICAL);
            if (t.status() == Status.SCORED) {
                assertThat(t.points()).as(t.explanation()).isBetween(BigDecimal.ZERO, t.maxPoints());
            } else {
                assertThat(t.status()).isEqualTo(Status.MISSING_DATA);
                assertThat(t.points()).isNull();
            }
        }
        boolean allScored = i.targets().stream().allMatch(t -> t.status() == Status.SCORED);
        if (ofCategory == 0) {
            assertThat(i.status()).isEqualTo(Status.MISSING_DATA);
            assertThat(i.points()).isNull();
            assertThat(i.explanation()).isEqualTo(i.name() + "：未填报" + level1 + "类绩效目标，暂不能计分");
        } else {
            assertThat(i.status()).as(i.explanation()).isEqualTo(allScored ? Status.SCORED : Status.MISSING_DATA);
            assertThat(i.points()).as(i.explanation() + " in " + c).isNotNull().isBetween(BigDecimal.ZERO, i.maxPoints());
        }
    }

    @Test
    void theSameInputGivesTheSameResult() {
        Generated.forAll("scorer: deterministic", 1000, g -> {
            Case c = Case.of(g);
            ScoreResult first = Scorer.score(c.system(), c.measures(), c.judgements(), c.targets());
            ScoreResult again = Scorer.score(c.system(), new LinkedHashMap<>(c.measures()), new HashMap<>(c.judgements()),
                    c.targets() == null ? null : new ArrayList<>(c.targets()));
            assertThat(again).as(c.toString()).isEqualTo(first);
        });
    }

    /** A zero of any scale in each measure in turn: never thrown; an indicator it stops says why, in Chinese. */
    @Test
    void aZeroOfAnyScaleInAnyMeasureIsNeverThrown() {
        int[] notComputable = {0};
        Generated.forAll("scorer: zero divisors", 200, g -> {
            IndicatorSystem system = g.oneOf(SYSTEMS);
            BigDecimal zero = g.zero();
            for (String name : Measures.names()) {
                Map<String, BigDecimal> m = new LinkedHashMap<>();
                Measures.names().forEach(n -> m.put(n, new BigDecimal("1714.31")));
                m.put(name, zero);
                ScoreResult r = Scorer.score(system, m);
                for (IndicatorResult i : r.indicators()) {
                    if (i.status() == Status.NOT_COMPUTABLE) {
                        notComputable[0]++;
                        assertThat(i.explanation()).as(system.code() + " " + name + "=" + zero)
                                .containsPattern(CJK).contains("除数为零").doesNotContainPattern(TECHNICAL);
                    } else if (i.status() == Status.SCORED) {
                        assertThat(i.points()).isBetween(BigDecimal.ZERO, i.maxPoints());
                    }
                }
            }
        });
        assertThat(notComputable[0]).isPositive();
    }
}
