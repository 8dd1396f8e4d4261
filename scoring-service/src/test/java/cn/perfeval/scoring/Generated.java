package cn.perfeval.scoring;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.BudgetUnitYearChanged.Target;
import cn.perfeval.events.BudgetUnitYearChanged.TargetProgress;
import cn.perfeval.events.measures.Measures;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Generated inputs for the property tests, from a seeded {@link Random}: each run draws a new seed
 * and prints it; {@code -Dgenerated.seed=N} replays a run. A failing case names its seed and number
 * ({@link #forAll}), so that it can be run again as it was.
 *
 * <p>Figures: zeros of every scale (0, 0.0, 0E-10, 0E+3, -0.00), the largest and smallest the API
 * lets through (magnitudes up to 10^14, 10^-10), negatives, ordinary amounts, and any decimal of at
 * most 10 places below 10^15 in magnitude; measures absent, present without value (null), or a figure.
 */
public final class Generated {

    public static final List<String> ZEROS = List.of("0", "0.0", "0.0000", "0E-10", "0E+3", "-0.00", "-0", "0E+20",
            "0E-20");
    public static final List<String> EDGES = List.of("1E+14", "-1E+14", "99999999999999.9999999999",
            "-99999999999999.9999999999", "1E-10", "-1E-10", "0.0000000001", "1", "-1", "100", "4988.65");

    private final Random random;

    public Generated(Random random) {
        this.random = random;
    }

    /** The seed of this run: {@code -Dgenerated.seed}, else a new one. */
    public static long seed() {
        String given = System.getProperty("generated.seed");
        return given == null || given.isBlank() ? new Random().nextLong() : Long.parseLong(given.strip());
    }

    /**
     * Runs {@code check} on {@code cases} cases drawn from one seed; a failure is rethrown naming the
     * seed and the case, and the seed is printed either way.
     */
    public static void forAll(String property, int cases, Consumer<Generated> check) {
        long seed = seed();
        Random random = new Random(seed);
        for (int i = 0; i < cases; i++) {
            long caseSeed = random.nextLong();
            try {
                check.accept(new Generated(new Random(caseSeed)));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("%s: case %d of %d failed (replay with -Dgenerated.seed=%d): %s"
                        .formatted(property, i + 1, cases, seed, e.getMessage()), e);
            }
        }
        System.out.printf("%s: %d generated cases passed (seed %d)%n", property, cases, seed);
    }

    public Random random() {
        return random;
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A zero of some scale from -20 to 20, or one of {@link #ZEROS} as written. */
    public BigDecimal zero() {
        return chance(50) ? new BigDecimal(oneOf(ZEROS)) : new BigDecimal(BigInteger.ZERO, between(-20, 20));
    }

    /** A figure: a zero, an edge, a small amount or any decimal below 10^15 with at most 10 places. */
    public BigDecimal figure() {
        int roll = random.nextInt(10);
        if (roll < 3) {
            return zero();
        }
        if (roll < 5) {
            return new BigDecimal(oneOf(EDGES));
        }
        if (roll < 8) {
            return new BigDecimal(BigInteger.valueOf(random.nextLong(-2_000_000, 2_000_001)), between(0, 2));
        }
        return new BigDecimal(BigInteger.valueOf(random.nextLong(-100_000_000_000_000L, 100_000_000_000_001L)),
                between(0, 10));
    }

    /** Each measure of the dictionary absent (odds drawn per map), present without value, or a figure. */
    public Map<String, BigDecimal> measures(boolean withNulls) {
        int absentPercent = oneOf(List.of(0, 10, 30, 60));
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (String name : Measures.names()) {
            if (chance(absentPercent)) {
                continue;
            }
            m.put(name, withNulls && chance(8) ? null : figure());
        }
        return m;
    }

    /**
     * A target table as a budget event carries it, or none (null): 0 to 8 targets of any category
     * (so a category may have none), every direction, figures of {@link #figure()} as target values,
     * actuals and weights (or none), qualitative achievements with a percent in their band, and
     * progress entries absent, without the value the target needs, or several months of it.
     */
    public List<Target> targets() {
        if (chance(15)) {
            return null;
        }
        List<Target> out = new ArrayList<>();
        int count = between(0, 8);
        for (int i = 0; i < count; i++) {
            String direction = oneOf(BudgetUnitYearChanged.DIRECTIONS);
            boolean qualitative = direction.equals("定性");
            List<TargetProgress> progress = new ArrayList<>();
            int entries = oneOf(List.of(0, 1, 1, 2));
            for (int k = 0; k < entries; k++) {
                int month = k == entries - 1 && chance(50) ? 12 : between(1, 11);
                if (qualitative && chance(85)) {
                    int band = between(0, 2);
                    int percent = band == 0 ? between(80, 100) : band == 1 ? between(60, 80) : between(0, 60);
                    progress.add(new TargetProgress(month, null, "按计划推进", BudgetUnitYearChanged.ACHIEVEMENTS.get(band),
                            BigDecimal.valueOf(percent), null, "填报人", null));
                } else {
                    progress.add(new TargetProgress(month, chance(85) ? figure() : null, null, null, null,
                            chance(30) ? "进度偏慢" : null, "填报人", null));
                }
            }
            out.add(new Target("T-" + i, oneOf(BudgetUnitYearChanged.TARGET_LEVEL1), "数量", "目标" + i,
                    chance(70) ? oneOf(List.of("人", "%", "万元", "座")) : null,
                    qualitative || chance(5) ? null : figure(), qualitative ? "机制有效运行" : null, direction,
                    chance(25) ? null : chance(10) ? zero() : BigDecimal.valueOf(between(1, 20)), progress));
        }
        return out;
    }
}
