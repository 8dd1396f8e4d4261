package cn.perfeval.report.season;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** What a unit filed in one submission: the exact versions, who and when, the score, the documents as stored. */
@Schema(name = "Submission", description = "一次提交：所依据的预算数据、评分、文字材料和指标体系的版本，提交人和时间，得分等次，提交时生成的各格式报告")
public record SubmissionView(
        @Schema(description = "单位代码", example = "101001") String unitCode,
        @Schema(description = "年度", example = "2024") int year,
        @Schema(description = "提交序号（1、2、…）", example = "1") int number,
        @Schema(description = "指标体系代码", example = "xiangtan-county") String systemCode,
        @Schema(description = "指标体系的版本") int systemVersion,
        @Schema(description = "预算数据的版本") long budgetVersion,
        @Schema(description = "评分的版本") long scoreVersion,
        @Schema(description = "文字材料的版本；提交时尚未保存文字材料则为空") Long narrativeVersion,
        @Schema(description = "总分") BigDecimal total,
        @Schema(description = "等次") String grade,
        @Schema(description = "提交人") String submittedBy,
        @Schema(description = "提交时间（UTC）", implementation = String.class, format = "date-time") OffsetDateTime submittedAt,
        @Schema(description = "提交时生成并保存的报告，每种格式一份") List<Document> documents) {

    @Schema(name = "SubmissionDocument", description = "提交时保存的一份报告")
    public record Document(
            @Schema(description = "格式：docx、pdf、html、md、json", example = "docx") String format,
            @Schema(description = "媒体类型") String mediaType,
            @Schema(description = "字节数") long size,
            @Schema(description = "内容的 SHA-256（十六进制小写）") String sha256) {
    }
}
