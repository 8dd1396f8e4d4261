package cn.perfeval.report.season;

import cn.perfeval.platform.api.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The schema of one page of submissions in the OpenAPI document; the answer itself is a {@link Page}. */
@Schema(name = "SubmissionPage", description = "提交的一页，从第1次提交起")
public record SubmissionPage(
        @Schema(description = "本页的提交") List<SubmissionView> items,
        @Schema(description = "页码，从 0 起") int page,
        @Schema(description = "每页条数（1–200）") int size,
        @Schema(description = "提交的总数") long total,
        @Schema(description = "本页、首页、上一页、下一页和末页的链接") Page.Links links) {
}
