package cn.perfeval.platform.text;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The code of a budget unit, as all three services accept it in paths, queries and bodies: 1 to 32
 * ASCII digits or capital letters. A 统一社会信用代码 has 18 (e.g. 114303210062309155); shorter
 * codes are local unit numbers (431321001), which the county's systems also use.
 */
@Documented
@Pattern(regexp = UnitCode.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface UnitCode {

    String PATTERN = "[0-9A-Z]{1,32}";

    String message() default "须为 1 至 32 位数字或大写字母（单位代码，如统一社会信用代码）";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
