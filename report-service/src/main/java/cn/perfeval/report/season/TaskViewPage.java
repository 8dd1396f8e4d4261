package cn.perfeval.report.season;

import cn.perfeval.platform.api.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The schema of one page of tasks in the OpenAPI document; the answer itself is a {@link Page}. */
@Schema(name = "TaskPage", description = "自评任务的一页，按单位代码排列")
public record TaskViewPage(
        @Schema(description = "本页的任务") List<TaskView> items,
        @Schema(description = "页码，从 0 起") int page,
        @Schema(description = "每页条数（1–200）") int size,
        @Schema(description = "符合条件的任务总数") long total,
        @Schema(description = "本页、首页、上一页、下一页和末页的链接") Page.Links links) {
}
