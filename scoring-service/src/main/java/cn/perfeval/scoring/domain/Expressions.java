package cn.perfeval.scoring.domain;

import cn.perfeval.events.measures.Measures;
import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.config.MapBasedFunctionDictionary;
import com.ezylang.evalex.config.MapBasedOperatorDictionary;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.basic.AbsFunction;
import com.ezylang.evalex.functions.basic.IfFunction;
import com.ezylang.evalex.functions.basic.MaxFunction;
import com.ezylang.evalex.functions.basic.MinFunction;
import com.ezylang.evalex.functions.basic.RoundFunction;
import com.ezylang.evalex.operators.arithmetic.InfixDivisionOperator;
import com.ezylang.evalex.operators.arithmetic.InfixMinusOperator;
import com.ezylang.evalex.operators.arithmetic.InfixMultiplicationOperator;
import com.ezylang.evalex.operators.arithmetic.InfixPlusOperator;
import com.ezylang.evalex.operators.arithmetic.PrefixMinusOperator;
import com.ezylang.evalex.operators.arithmetic.PrefixPlusOperator;
import com.ezylang.evalex.operators.booleans.InfixAndOperator;
import com.ezylang.evalex.operators.booleans.InfixEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterOperator;
import com.ezylang.evalex.operators.booleans.InfixLessEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixLessOperator;
import com.ezylang.evalex.operators.booleans.InfixNotEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixOrOperator;
import com.ezylang.evalex.operators.booleans.PrefixNotOperator;
import com.ezylang.evalex.parser.ParseException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expression language of indicator formulas: EvalEx in BigDecimal, restricted to arithmetic
 * (+ − × ÷), comparisons, boolean connectives and the functions of {@link #FUNCTIONS}. Nothing
 * else is reachable from a formula: no other function, no power or modulo, no arrays, no
 * structures, no string literals that could name anything, no constants but TRUE and FALSE.
 */
public final class Expressions {

    /** The whitelist of functions a formula may call. */
    public static final List<String> FUNCTIONS = List.of("ABS", "MIN", "MAX", "ROUND", "IF");

    public static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
            .mathContext(Scorer.MATH)
            .functionDictionary(MapBasedFunctionDictionary.ofFunctions(
                    Map.entry("ABS", new AbsFunction()),
                    Map.entry("MIN", new MinFunction()),
                    Map.entry("MAX", new MaxFunction()),
                    Map.entry("ROUND", new RoundFunction()),
                    Map.entry("IF", new IfFunction())))
            .operatorDictionary(operators())
            .defaultConstants(Map.of("TRUE", EvaluationValue.booleanValue(true),
                    "FALSE", EvaluationValue.booleanValue(false)))
            .arraysAllowed(false)
            .structuresAllowed(false)
            .binaryAllowed(false)
            .singleQuoteStringLiteralsAllowed(false)
            .build();

    private static MapBasedOperatorDictionary operators() {
        MapBasedOperatorDictionary ops = new MapBasedOperatorDictionary();
        ops.addOperator("+", new InfixPlusOperator());
        ops.addOperator("-", new InfixMinusOperator());
        ops.addOperator("*", new InfixMultiplicationOperator());
        ops.addOperator("/", new ExactZeroDivision());
        ops.addOperator("+", new PrefixPlusOperator());
        ops.addOperator("-", new PrefixMinusOperator());
        ops.addOperator("=", new InfixEqualsOperator());
        ops.addOperator("==", new InfixEqualsOperator());
        ops.addOperator("!=", new InfixNotEqualsOperator());
        ops.addOperator("<>", new InfixNotEqualsOperator());
        ops.addOperator(">", new InfixGreaterOperator());
        ops.addOperator(">=", new InfixGreaterEqualsOperator());
        ops.addOperator("<", new InfixLessOperator());
        ops.addOperator("<=", new InfixLessEqualsOperator());
        ops.addOperator("&&", new InfixAndOperator());
        ops.addOperator("||", new InfixOrOperator());
        ops.addOperator("!", new PrefixNotOperator());
        return ops;
    }

    private Expressions() {
    }

    /** Whether an evaluation failed on a zero divisor (of EvalEx's check or of {@link ExactZeroDivision}'s). */
    static boolean isDivisionByZero(Exception e) {
        if (e instanceof ArithmeticException) {
            return true;
        }
        String m = String.valueOf(e.getMessage());
        return m.contains(ExactZeroDivision.DIVISION_BY_ZERO) || m.toLowerCase(java.util.Locale.ROOT).contains("zero");
    }

    /**
     * Division that refuses every zero divisor. EvalEx's own operator compares the divisor with
     * {@code BigDecimal.ZERO} by {@code equals}, which a zero with a scale ({@code 0.0000}, e.g. 0 元
     * in 万元) does not equal, and {@code BigDecimal.divide} then throws; here any zero is caught and
     * reported as an evaluation failure, so the indicator is NOT_COMPUTABLE with a reason.
     */
    @com.ezylang.evalex.operators.InfixOperator(precedence = com.ezylang.evalex.operators.OperatorIfc.OPERATOR_PRECEDENCE_MULTIPLICATIVE)
    static final class ExactZeroDivision extends InfixDivisionOperator {

        /** The reason given when a divisor is zero; Scorer shows it to the reader. */
        static final String DIVISION_BY_ZERO = "除数为零";

        @Override
        public EvaluationValue evaluate(com.ezylang.evalex.Expression expression, com.ezylang.evalex.parser.Token operatorToken,
                                        EvaluationValue... operands) throws EvaluationException {
            if (operands[1].isNumberValue() && operands[1].getNumberValue().signum() == 0) {
                throw new EvaluationException(operatorToken, DIVISION_BY_ZERO);
            }
            return super.evaluate(expression, operatorToken, operands);
        }
    }

    public static Expression of(String formula) {
        return new Expression(formula, CONFIG);
    }

    /** The functions of a formula in the words of a working. */
    private static final Map<String, String> FUNCTION_WORDS = Map.of("ABS", "绝对值", "MIN", "最小值", "MAX", "最大值",
            "ROUND", "四舍五入", "IF", "如果");

    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_])");

    /**
     * A formula (or a formula with its figures) as a person writes it: measures by their Chinese
     * labels, functions and constants in words, × for *, ≥ ≤ ≠ 且 或 非 for the comparisons and
     * connectives: "adjustmentNet / yearStartBudget * 100" → "预算调整数 / 年初预算数 × 100".
     */
    public static String readable(String formula) {
        Matcher m = WORD.matcher(formula);
        StringBuilder out = new StringBuilder(formula.length() + 16);
        while (m.find()) {
            String w = m.group(1);
            String upper = w.toUpperCase(Locale.ROOT);
            String word = Measures.isMeasure(w) ? Measures.label(w)
                    : FUNCTION_WORDS.containsKey(upper) ? FUNCTION_WORDS.get(upper)
                    : "TRUE".equals(upper) ? "真" : "FALSE".equals(upper) ? "假" : w;
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        return m.appendTail(out).toString().replace("*", "×").replace(">=", "≥").replace("<=", "≤")
                .replace("!=", "≠").replace("<>", "≠").replace("==", "=").replace("&&", "且").replace("||", "或")
                .replace("!", "非");
    }

    /**
     * A formula parsed once: its syntax tree and the measures it uses. Evaluating it copies the
     * expression, which shares the (read-only) tree and gets its own values, so one compiled
     * formula serves any number of threads.
     */
    public record Compiled(Expression prototype, Set<String> usedVariables) {

        public EvaluationValue evaluate(Map<String, ?> values) throws EvaluationException, ParseException {
            return new Expression(prototype).withValues(values).evaluate();
        }
    }

    /** Bound of the cache; reached only if systems with that many distinct formulas are stored. */
    static final int CACHE_LIMIT = 10_000;

    private static final Map<String, Compiled> COMPILED = new ConcurrentHashMap<>();

    /**
     * The compiled form of a formula of a stored indicator system. A stored system version never
     * changes, so its formulas are parsed once per JVM instead of once per indicator and
     * recomputation (keyed by the formula's text, which every version sharing it also shares).
     * Only formulas that passed {@link SystemValidator} are scored, so the cache holds only those.
     */
    public static Compiled compiled(String formula) throws ParseException {
        Compiled c = COMPILED.get(formula);
        if (c == null) {
            Expression e = of(formula);
            e.getAbstractSyntaxTree();
            c = new Compiled(e, Set.copyOf(e.getUsedVariables()));
            if (COMPILED.size() >= CACHE_LIMIT) {
                COMPILED.clear();
            }
            COMPILED.put(formula, c);
        }
        return c;
    }
}
