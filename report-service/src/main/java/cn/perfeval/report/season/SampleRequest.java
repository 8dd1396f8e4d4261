package cn.perfeval.report.season;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** A draw of units for re-evaluation (抽查复核): the share drawn at random, the seed, the rules. */
@Schema(name = "SampleRequest", description = "抽取抽查复核单位：随机抽取的比例、随机种子和附加规则")
public record SampleRequest(
        @Schema(description = "随机抽取的比例（%），大于0、不超过100，至多两位小数；随机抽取 比例×已提交单位数÷100（向上取整）个单位",
                minimum = "0", exclusiveMinimum = true, maximum = "100", example = "20")
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal share,
        @Schema(description = "随机种子（0至9007199254740991的整数）；不给出时由服务生成并记录，用同一种子可重现同样的抽取",
                minimum = "0", maximum = "9007199254740991", example = "20240501")
        @Min(0) @Max(SampleRequest.MAX_SEED) Long seed,
        @Schema(description = "附加规则（可不给出）：EXCELLENT_WITH_FINDINGS 最近一次提交自评等级为优而所提交的预算数据有错误或警告；"
                + "LARGE_DEVIATION_LAST_YEAR 上年度该县自评季中复核偏差的绝对值超过上年度的阈值", maxItems = 2)
        @Size(max = 2) List<@NotNull SampleRule> rules) {

    /** 2^53 − 1: the largest integer every JSON reader keeps exactly. */
    public static final long MAX_SEED = 9_007_199_254_740_991L;
}
