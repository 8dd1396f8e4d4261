package cn.perfeval.budget.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A code of the functional classification (支出功能分类): 类 = 3 digits, 款 = 5, 项 = 7.
 * A 款 starts with its 类's code, a 项 with its 款's.
 */
public record FunctionCode(String value) {

    public static final Pattern PATTERN = Pattern.compile("\\d{3}(\\d{2}(\\d{2})?)?");

    public enum Level { 类, 款, 项 }

    public FunctionCode {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("a function code has 3 (类), 5 (款) or 7 (项) digits: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    public Level level() {
        return switch (value.length()) {
            case 3 -> Level.类;
            case 5 -> Level.款;
            default -> Level.项;
        };
    }

    /** The 款 of a 项, the 类 of a 款; empty for a 类. */
    public Optional<FunctionCode> parent() {
        return switch (level()) {
            case 类 -> Optional.empty();
            case 款 -> Optional.of(new FunctionCode(value.substring(0, 3)));
            case 项 -> Optional.of(new FunctionCode(value.substring(0, 5)));
        };
    }
}
