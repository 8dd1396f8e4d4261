package cn.perfeval.scoring.domain;

import cn.perfeval.platform.text.PlainName;
import cn.perfeval.platform.text.PlainText;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a unit published in its self-evaluation: indicator points (with the printed working such
 * as "307/4988=6.2%"), group subtotals, total and grade. Indicators and groups are matched to the
 * indicator system by code when given, otherwise by name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Published(@Size(max = 500) List<@NotNull @Valid Indicator> indicators,
                        @Size(max = 100) List<@NotNull @Valid Group> groups,
                        @DecimalMin("0") BigDecimal total,
                        @Size(max = 16) @PlainName String grade) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(@Size(max = 64) @PlainName String code,
                            @NotBlank @Size(max = 200) @PlainName String name,
                            @Size(max = 200) @PlainName String group,
                            @Size(max = 500) @PlainText String printedFormula,
                            @Size(max = 200) @PlainText String printedValue, @DecimalMin("0") BigDecimal maxPoints,
                            @DecimalMin("0") BigDecimal points) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(@Size(max = 64) @PlainName String code,
                        @NotBlank @Size(max = 200) @PlainName String name,
                        @DecimalMin("0") BigDecimal maxPoints, @DecimalMin("0") BigDecimal points) {
    }
}
