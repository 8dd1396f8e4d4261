package cn.perfeval.report.api;

import cn.perfeval.platform.api.Page;
import cn.perfeval.report.domain.NarrativeVersion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The schema of one page of narrative versions in the OpenAPI document (the answer is a {@link Page}). */
@Schema(name = "NarrativeVersionPage", description = "文字材料版本的一页（从最早的版本起）")
public record NarrativeVersionPage(List<NarrativeVersion> items, int page, int size, long total, Page.Links links) {
}
