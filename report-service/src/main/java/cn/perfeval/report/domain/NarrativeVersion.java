package cn.perfeval.report.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * One saved version of a unit-year's narrative. Version 0 is the skeleton (nothing saved yet),
 * which has no {@code savedAt}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "文字材料的一个版本")
public record NarrativeVersion(
        String unitCode,
        int year,
        long version,
        @Schema(description = "保存时间（UTC，精确到微秒）；第0版（模板）没有", implementation = String.class, format = "date-time") OffsetDateTime savedAt,
        @Schema(description = "该版本的文字材料") Narrative narrative) {
}
