package cn.perfeval.report.domain;

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
 * Text that prints as what it says: no control characters other than tab and line breaks, no
 * bidirectional embedding/override/isolate marks, and no unpaired surrogate.
 *
 * <p>Markup, formulas and the like are allowed: every output escapes them. These characters are
 * refused instead because no escaping makes them harmless: bidi overrides reorder what a reader
 * sees in Word, PDF and HTML ("Trojan Source"), control characters are invalid in DOCX/XLSX XML
 * and PostgreSQL refuses NUL, and a lone surrogate is not a character at all.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must not contain control characters (other than tab and line breaks), "
            + "bidirectional override or isolate marks, or unpaired surrogates";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || firstRefused(value) < 0;
        }

        /** Index of the first refused char of {@code s}, or -1. */
        public static int firstRefused(CharSequence s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    return i;
                }
                if (Character.isLowSurrogate(c)) {
                    return i;
                }
                boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
                boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
                if (control || bidi) {
                    return i;
                }
            }
            return -1;
        }
    }
}
