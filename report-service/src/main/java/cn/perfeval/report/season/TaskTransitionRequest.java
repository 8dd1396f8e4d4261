package cn.perfeval.report.season;

import cn.perfeval.platform.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a task transition. */
@Schema(name = "TaskTransitionRequest", description = "任务的一次操作及其意见")
public record TaskTransitionRequest(
        @Schema(description = "操作代码：START 开始填报、SUBMIT 提交、REVIEW 开始审核、RETURN 退回、APPROVE 审核通过、PUBLISH 公开",
                example = "SUBMIT")
        @NotNull TaskAction action,
        @Schema(description = "意见或说明；退回时必填（退回的理由和要求修改之处）", example = "请按复核意见修改后重新提交")
        @Size(max = 10000) @PlainText String comment) {
}
