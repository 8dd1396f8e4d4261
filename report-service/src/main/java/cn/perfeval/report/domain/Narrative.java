package cn.perfeval.report.domain;

import cn.perfeval.platform.text.PlainText;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The sections of a report written by people, stored exactly as given. A line break separates
 * paragraphs; every output escapes the text, so markup in it stays text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "单位年度报告中由人撰写的各部分文字（文字材料）。各部分文字按原样保存，换行分段；每部分至多100000字，落款单位至多200字；未给出的部分为空")
public record Narrative(
        @Schema(description = "开头段落：“一、”之前的引言（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String opening,
        @Schema(description = "一、工作概述（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String overview,
        @Schema(description = "二、部门基本情况：引言（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String basicInfo,
        @Schema(description = "二（一）机构设置及在职人员情况（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String organisation,
        @Schema(description = "二（二）单位主要职责（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String duties,
        @Schema(description = "三、绩效评价工作情况（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String evaluationWork,
        @Schema(description = "四、部门整体支出绩效情况分析：预算表之前的引言（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String analysisIntro,
        @Schema(description = "四（二）1.目标设定（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String targetSetting,
        @Schema(description = "产出／职责履行：本年度的主要产出和效果，列入产出类指标部分（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String outputs,
        @Schema(description = "五、主要经验及做法（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String experience,
        @Schema(description = "六、存在的主要问题（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String problems,
        @Schema(description = "七、改进措施和有关建议（文字，换行分段）") @Size(max = MAX_TEXT) @PlainText String suggestions,
        @Schema(description = "落款单位，印在综合评价结论之后") @Size(max = 200) @PlainText String issuer,
        @Schema(description = "落款日期（年-月-日），印在落款单位之下", implementation = String.class, format = "date", example = "2025-05-26") LocalDate issuedOn,
        @Schema(description = "绩效运行监控的纠偏措施：针对执行进度和目标完成偏差采取的措施，印在绩效运行监控报告“四、纠偏措施”（文字，换行分段）；自评报告不印")
        @Size(max = MAX_TEXT) @PlainText String correctiveMeasures) {

    public static final int MAX_TEXT = 100_000;

    /** Splits a section's text into its paragraphs (non-blank lines), each exactly as given. */
    public static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\r\n|\r|\n")) {
            if (!line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }

    /** What a new report starts from: each section's expected content, to be replaced. */
    public static Narrative skeleton(String unitName, int year) {
        String unit = unitName == null || unitName.isBlank() ? "本单位" : unitName;
        return new Narrative(
                year + "年，" + unit + "……。现运用科学、合理的绩效评价方法，对" + year
                        + "年度部门预算整体支出进行了绩效评价自评。现将情况报告如下：",
                "【待填写】本年度工作的总体情况：指导思想、目标、主要成效和主要收支数据。",
                "【待填写】单位所在地区、辖区、人口等基本情况。",
                "【待填写】单位性质、级别、内设机构；编制数、实有人数、在职人数、离退休人数。",
                "【待填写】1.单位的主要职责（逐条列出）。",
                "【待填写】1.前期准备（起止日期）。\n2.组织实施（起止日期）。\n3.分析评价（起止日期）。",
                "根据收集的绩效资料，结合本单位年度工作情况汇报材料及自评报告内容，本单位" + year + "年部门整体支出主要绩效情况如下：",
                "【待填写】目标设定：目标依据是否充分、指标是否清晰、细化和量化。",
                "【待填写】职责履行情况：本年度的主要产出和效果。",
                "【待填写】1.主要经验及做法（逐条列出）。",
                "【待填写】1.存在的主要问题（逐条列出）。",
                "【待填写】1.改进措施和有关建议（逐条列出）。",
                unit, null, null);
    }
}
