package cn.perfeval.events.measures;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one dictionary of measures: the named quantities budget-service computes for a unit-year,
 * publishes in its events' {@code measures} and that indicator formulas may name. Each has a
 * Chinese label (as a Chinese budget table words it), a unit (amounts in 万元) and a definition.
 * Read once from {@code measures.json} beside this class; budget-service and scoring-service serve
 * it at {@code GET /api/measures}, report-service labels every measure from it.
 */
public final class Measures {

    /** One measure as served by {@code GET /api/measures}. */
    public record Measure(String name, String label, String unit, String definition) {
    }

    private static final List<Measure> ALL = load();
    private static final Map<String, Measure> BY_NAME = new LinkedHashMap<>();
    /** Every name, longest first, as whole words (case-insensitive, as formulas match them). */
    private static final Pattern NAMES;

    static {
        ALL.forEach(m -> BY_NAME.put(m.name().toLowerCase(Locale.ROOT), m));
        NAMES = Pattern.compile("(?i)(?<![A-Za-z0-9_])(" + String.join("|", ALL.stream().map(Measure::name)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) + ")(?![A-Za-z0-9_])");
    }

    private Measures() {
    }

    private static List<Measure> load() {
        try (InputStream in = Measures.class.getResourceAsStream("measures.json")) {
            if (in == null) {
                throw new IllegalStateException("measures.json is missing beside " + Measures.class.getName());
            }
            return List.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<Measure>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("measures.json unreadable", e);
        }
    }

    /** Every measure, in the dictionary's order. */
    public static List<Measure> all() {
        return ALL;
    }

    /** The names, in the dictionary's order. */
    public static Set<String> names() {
        return ALL.stream().map(Measure::name).collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The measure of this name (case-insensitive, as formulas name them). */
    public static Optional<Measure> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    public static boolean isMeasure(String name) {
        return find(name).isPresent();
    }

    /** The Chinese label ("basicBudget" → 基本支出年初预算数); a name not in the dictionary is returned unchanged. */
    public static String label(String name) {
        return find(name).map(Measure::label).orElse(name);
    }

    /** The unit (万元, 人, 件, %); null for a name not in the dictionary. */
    public static String unit(String name) {
        return find(name).map(Measure::unit).orElse(null);
    }

    /** The definition in Chinese; null for a name not in the dictionary. */
    public static String definition(String name) {
        return find(name).map(Measure::definition).orElse(null);
    }

    /**
     * The text with every measure name (a whole word, any case) replaced by its label:
     * "basicActual / basicBudget * 100" → "基本支出实际支出数 / 基本支出年初预算数 * 100".
     */
    public static String spell(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NAMES.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(label(m.group(1))));
        }
        return m.appendTail(out).toString();
    }
}
