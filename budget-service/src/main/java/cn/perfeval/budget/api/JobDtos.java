package cn.perfeval.budget.api;

import cn.perfeval.budget.api.TargetDtos.MonthlyExecution;
import cn.perfeval.budget.api.TargetDtos.TargetTable;
import cn.perfeval.budget.api.UnitDtos.UnitRequest;
import cn.perfeval.budget.api.UnitYearDtos.AdjustmentList;
import cn.perfeval.budget.api.UnitYearDtos.BudgetSummary;
import cn.perfeval.budget.api.UnitYearDtos.ExecutionDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureTable;
import cn.perfeval.budget.api.UnitYearDtos.RevenueTable;
import cn.perfeval.budget.api.UnitYearDtos.StaffDto;
import cn.perfeval.platform.problem.ProblemDetail.FieldError;
import cn.perfeval.platform.text.UnitCode;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The bodies of the bulk import jobs (issue #18). */
public final class JobDtos {

    private JobDtos() {
    }

    /**
     * One unit-year of a bulk import: one NDJSON line. Each part has the shape of the body of the single-unit
     * operation that replaces it ({@code PUT /api/v1/units/{unitCode}} for {@code unit},
     * {@code PUT …/budget/expenditure} for {@code expenditure}, …); the parts left out stay as they are.
     */
    @Schema(name = "BulkUnitYear", description = "批量导入中的一个单位年度（NDJSON 的一行）：单位基本信息及该年度的各表，"
            + "每部分的格式与单个单位接口的请求体相同；未给出的表保持不变")
    public record BulkUnitYear(
            @Schema(description = "单位代码（统一社会信用代码）", example = "114303210062309155", required = true)
            @NotNull @UnitCode String unitCode,
            @Schema(description = "预算年度（2000–2100）", example = "2024", required = true)
            @NotNull @Min(2000) @Max(2100) Integer year,
            @Schema(description = "单位基本信息（同 PUT /api/v1/units/{unitCode} 的请求体）；单位不存在时新建，已存在且不同则替换", required = true)
            @NotNull @Valid UnitRequest unit,
            @Schema(description = "收支总表（同 PUT …/budget/budget-summary 的请求体）")
            @Valid BudgetSummary budgetSummary,
            @Schema(description = "收入总表（同 PUT …/budget/revenue 的请求体）")
            @Valid RevenueTable revenue,
            @Schema(description = "支出总表（同 PUT …/budget/expenditure 的请求体）")
            @Valid ExpenditureTable expenditure,
            @Schema(description = "人员情况（同 PUT …/budget/staff 的请求体）")
            @Valid StaffDto staff,
            @Schema(description = "预算执行（同 PUT …/budget/execution 的请求体）")
            @Valid ExecutionDto execution,
            @Schema(description = "预算调整（同 PUT …/budget/adjustments 的请求体）")
            @Valid AdjustmentList adjustments,
            @Schema(description = "绩效目标表（同 PUT …/targets 的请求体）")
            @Valid TargetTable targets,
            @Schema(description = "分月执行（同 PUT …/monthly-execution 的请求体）")
            @Valid MonthlyExecution monthlyExecution) {
    }

    /** The states of a job. */
    public enum JobState {
        QUEUED("排队中"), RUNNING("进行中"), SUCCEEDED("已完成"), FAILED("已失败");

        public final String label;

        JobState(String label) {
            this.label = label;
        }
    }

    @Schema(name = "JobItemError", description = "一个未导入的单位年度及其错误")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemError(
            @Schema(description = "在上传文件中的位置：NDJSON 的行号，CSV 中该单位年度第一行数据的行号（表头为第 1 行）", example = "3")
            int line,
            @Schema(description = "单位代码（能读出时）", example = "114303210062309155", nullable = true) String unitCode,
            @Schema(description = "年度（能读出时）", example = "2024", nullable = true) Integer year,
            @Schema(description = "有误的字段，字段路径与单个单位接口相同，前加该部分的名称（如 expenditure.rows[0].basic）")
            List<FieldError> errors) {
    }

    @Schema(name = "Job", description = "一个异步批量作业：状态、进度和未导入的单位年度")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobResponse(
            @Schema(description = "作业编号", example = "0b9f1c2e-7d3a-4a51-9c4e-2f1d6b8e5a70") UUID id,
            @Schema(description = "作业种类：budget-import（预算数据批量导入）", example = "budget-import") String kind,
            @Schema(description = "上传的格式：ndjson、csv 或 xlsx（多单位工作簿）", example = "ndjson") String format,
            @Schema(description = "状态代码：QUEUED 排队中，RUNNING 进行中，SUCCEEDED 已完成（可能有未导入的单位年度，见 errors），"
                    + "FAILED 已失败（没有一个单位年度能导入）", enumeration = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED"}, example = "RUNNING")
            JobState state,
            @Schema(description = "状态的中文名称", example = "进行中") String stateLabel,
            @Schema(description = "上传的单位年度数", example = "3") int total,
            @Schema(description = "已处理的单位年度数（已导入与未导入之和）", example = "2") int done,
            @Schema(description = "已导入的单位年度数", example = "1") int succeeded,
            @Schema(description = "未导入的单位年度数", example = "1") int failed,
            @Schema(description = "提交者", example = "admin") String createdBy,
            @Schema(description = "提交时间", example = "2026-11-30T12:00:00+08:00") OffsetDateTime createdAt,
            @Schema(description = "开始处理的时间；尚未开始时没有", example = "2026-11-30T12:00:01+08:00", nullable = true)
            OffsetDateTime startedAt,
            @Schema(description = "处理完毕的时间；尚未完毕时没有", example = "2026-11-30T12:00:05+08:00", nullable = true)
            OffsetDateTime finishedAt,
            @Schema(description = "未导入的单位年度及其错误，按在文件中的位置（最多列出前 1000 个）")
            List<ItemError> errors) {
    }
}
