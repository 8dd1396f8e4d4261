package cn.perfeval.budget.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: names of units, rows and items, reasons. Refused (400, with the field):
 * <ul>
 * <li>control characters, C0 (except tab, line feed and carriage return) and C1, and DEL: they
 * have no place in a name, PostgreSQL refuses NUL outright, and others hide text in reports;</li>
 * <li>bidirectional embedding, override and isolate characters (U+202A–U+202E, U+2066–U+2069),
 * which make a name read differently from what it is ("Trojan Source");</li>
 * <li>unpaired surrogates (a JSON "\ud800"), which cannot be stored as UTF-8;</li>
 * <li>a leading =, +, - or @, which a spreadsheet takes for a formula when the data is exported
 * (CSV/formula injection; report-service exports county summaries as XLSX).</li>
 * </ul>
 * HTML and SQL look-alikes are not refused: they are data, stored and returned verbatim, and
 * every consumer escapes them for its output format.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must be plain text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        /** What is wrong with the text, or null. */
        static String problem(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                    return String.format("must not contain control characters (U+%04X at position %d)", (int) c, i);
                }
                if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                    return String.format("must not contain bidirectional control characters (U+%04X at position %d)", (int) c, i);
                }
                if (Character.isHighSurrogate(c) && (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1)))
                        || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)))) {
                    return "must not contain unpaired surrogates (position " + i + ")";
                }
            }
            String stripped = value.strip();
            if (!stripped.isEmpty() && "=+-@".indexOf(stripped.charAt(0)) >= 0) {
                return "must not start with =, +, - or @ (a spreadsheet would take it for a formula)";
            }
            return null;
        }
    }
}
