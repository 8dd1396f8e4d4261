package cn.perfeval.scoring.domain;

import cn.perfeval.platform.text.PlainName;
import cn.perfeval.platform.text.PlainText;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
@Schema(description = "单位在自评报告中公布的得分")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Published(@Schema(description = "各指标的公布得分（至多 500 项）") @Size(max = 500) List<@NotNull @Valid Indicator> indicators,
                        @Schema(description = "各指标组的公布小计（至多 100 项）") @Size(max = 100) List<@NotNull @Valid Group> groups,
                        @Schema(description = "公布的总分（分）") @DecimalMin("0") BigDecimal total,
                        @Schema(description = "公布的等次（如 良）") @Size(max = 16) @PlainName String grade) {

    @Schema(description = "一个指标的公布得分；有代码时按代码、否则按名称与指标体系对应")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(@Schema(description = "指标代码（如 A1）") @Size(max = 64) @PlainName String code,
                            @Schema(description = "指标名称，如报告所印") @NotBlank @Size(max = 200) @PlainName String name,
                            @Schema(description = "所属指标组的名称") @Size(max = 200) @PlainName String group,
                            @Schema(description = "报告印制的计算公式（如 预算调整数/年初预算数）") @Size(max = 500) @PlainText String printedFormula,
                            @Schema(description = "报告印制的计算结果（如 307/4988=6.2%）") @Size(max = 200) @PlainText String printedValue,
                            @Schema(description = "公布的满分（分）") @DecimalMin("0") BigDecimal maxPoints,
                            @Schema(description = "公布的得分（分）") @DecimalMin("0") BigDecimal points) {
    }

    @Schema(description = "一个指标组的公布小计；有代码时按代码、否则按名称与指标体系对应")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(@Schema(description = "指标组代码（如 A）") @Size(max = 64) @PlainName String code,
                        @Schema(description = "指标组名称，如报告所印") @NotBlank @Size(max = 200) @PlainName String name,
                        @Schema(description = "公布的满分（分）") @DecimalMin("0") BigDecimal maxPoints,
                        @Schema(description = "公布的小计（分）") @DecimalMin("0") BigDecimal points) {
    }
}
