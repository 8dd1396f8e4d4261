package cn.perfeval.budget.api;

import cn.perfeval.budget.domain.Execution;
import cn.perfeval.budget.domain.ExpenditureRow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Request and response bodies of a unit's fiscal year. Amounts are exact decimals. */
public final class UnitYearDtos {

    private UnitYearDtos() {
    }

    /** 年初部门预算支出总表, replaced as a whole. */
    public record ExpenditureTable(
            @NotNull(message = "must be 万元 or 元") AmountUnit amountUnit,
            @NotNull @Size(min = 1, max = 2000) List<@NotNull @Valid ExpenditureRowDto> rows) {
    }

    public record ExpenditureRowDto(
            @NotNull @Pattern(regexp = "\\d{3}(\\d{2}(\\d{2})?)?",
                    message = "must be a function code of 3 (类), 5 (款) or 7 (项) digits") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 13, fraction = 2, message = "must have at most 13 integer digits and 2 decimals") BigDecimal total,
            @NotNull @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 13, fraction = 2, message = "must have at most 13 integer digits and 2 decimals") BigDecimal basic,
            @NotNull @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 13, fraction = 2, message = "must have at most 13 integer digits and 2 decimals") BigDecimal project) {

        public static ExpenditureRowDto of(ExpenditureRow r) {
            return new ExpenditureRowDto(r.code, r.name, r.total, r.basic, r.project);
        }
    }

    /** What happened during the year; an absent amount is not recorded yet. */
    public record ExecutionDto(
            @NotNull(message = "must be 万元 or 元") AmountUnit amountUnit,
            @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 13, fraction = 2) BigDecimal adjustmentIncrease,
            @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 13, fraction = 2) BigDecimal adjustmentDecrease,
            @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 13, fraction = 2) BigDecimal basicActual,
            @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 13, fraction = 2) BigDecimal projectActual,
            @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 13, fraction = 2) BigDecimal yearEndBalance,
            @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 13, fraction = 2) BigDecimal threePublicBudget,
            @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 13, fraction = 2) BigDecimal threePublicActual) {

        public static ExecutionDto of(Execution e) {
            return new ExecutionDto(AmountUnit.WAN_YUAN, e.adjustmentIncrease, e.adjustmentDecrease, e.basicActual,
                    e.projectActual, e.yearEndBalance, e.threePublicBudget, e.threePublicActual);
        }
    }

    /** A unit-year as stored: its version (the ETag), measures and tables, amounts in 万元. */
    public record UnitYearView(String unitCode, int fiscalYear, long version, String amountUnit,
                               Map<String, BigDecimal> measures, List<ExpenditureRowDto> expenditure,
                               ExecutionDto execution) {
    }

    public record MeasuresView(String unitCode, int fiscalYear, long version, String amountUnit,
                               Map<String, BigDecimal> measures) {
    }

    public record MeasureDefinition(String name, String label, String unit, String definition) {
    }
}
