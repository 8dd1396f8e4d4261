package cn.perfeval.report.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.report.domain.NarrativeVersion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The schema of one page of narrative versions in the OpenAPI document; the answer itself is a
 * {@link Page}. (An operation returning {@code Page<X>} whose 200 names examples but no schema gets none.)
 */
@Schema(name = "NarrativeVersionPage", description = "文字材料版本的一页，从最早的版本起")
public record NarrativeVersionPage(
        @Schema(description = "本页的版本") List<NarrativeVersion> items,
        @Schema(description = "页码，从 0 起") int page,
        @Schema(description = "每页条数（1–200）") int size,
        @Schema(description = "已保存版本的总数") long total,
        @Schema(description = "本页、首页、上一页、下一页和末页的链接") Page.Links links) {
}
