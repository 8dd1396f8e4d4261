package cn.perfeval.report.season;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A recorded sample: what was drawn from, how, and which units came out and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Sample", description = "一次抽查复核抽取：抽取依据（比例、种子、规则、总体）和抽中的单位及原因")
public record SampleView(
        @Schema(description = "该县该年度第几次抽取，从1起", example = "1") int number,
        @Schema(description = "县（市、区）") String county,
        @Schema(description = "年度") int year,
        @Schema(description = "随机抽取的比例（%）") BigDecimal share,
        @Schema(description = "随机种子（给出的或服务生成的）") long seed,
        @Schema(description = "所用的附加规则代码") List<SampleRule> rules,
        @Schema(description = "抽取的总体：至少提交过一次的单位代码，按代码排序") List<String> population,
        @Schema(description = "随机抽取的单位数（比例×总体单位数÷100，向上取整）") int randomCount,
        @Schema(description = "随机抽取的方法（文字），据此可用种子重现抽取") String method,
        @Schema(description = "抽中的单位，按单位代码排序；一个单位可有几个原因") List<SampleUnit> units,
        @Schema(description = "抽取人") String drawnBy,
        @Schema(description = "抽取时间", format = "date-time") OffsetDateTime drawnAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SampleUnit", description = "抽中的一个单位及其被抽中的原因")
    public record SampleUnit(
            @Schema(description = "单位代码") String unitCode,
            @Schema(description = "单位名称；本服务尚不知道时省略") String unitName,
            @Schema(description = "被抽中的原因：RANDOM（随机抽取）或规则代码，各附中文说明") List<Reason> reasons) {
    }

    @Schema(name = "SampleReason", description = "被抽中的一个原因")
    public record Reason(
            @Schema(description = "原因代码：RANDOM 随机抽取，或附加规则代码", enumeration = {"RANDOM", "EXCELLENT_WITH_FINDINGS", "LARGE_DEVIATION_LAST_YEAR"})
            String code,
            @Schema(description = "原因的中文说明") String text) {
    }
}
