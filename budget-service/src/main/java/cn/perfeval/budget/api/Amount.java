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
import java.math.BigDecimal;

/**
 * An amount as a request gives it: at most 13 integer digits and 2 decimals in the unit given (as
 * {@code @Digits(integer = 13, fraction = 2)}). Not {@code @Digits} itself, because the same records are
 * answered in 万元, where an amount given in 元 has up to 6 decimals: the OpenAPI schema must not claim
 * {@code multipleOf: 0.01} for the answers.
 */
@Documented
@Constraint(validatedBy = Amount.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

    String message() default "整数部分至多 13 位，小数至多 2 位";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Amount, BigDecimal> {

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            BigDecimal v = value.stripTrailingZeros();
            int integerDigits = v.precision() - v.scale();
            int fractionDigits = Math.max(v.scale(), 0);
            return integerDigits <= 13 && fractionDigits <= 2;
        }
    }
}
