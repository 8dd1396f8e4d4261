package cn.perfeval.report.season;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A unit's task in a season, as a caller sees it (the actions are those this caller may take now). */
@Schema(name = "Task", description = "单位的自评任务：状态、截止日期、提交次数、当前用户可做的操作、退回意见和全部状态变化")
public record TaskView(
        @Schema(description = "单位代码", example = "101001") String unitCode,
        @Schema(description = "年度", example = "2024") int year,
        @Schema(description = "单位名称（来自预算数据；尚未收到时为空）") String unitName,
        @Schema(description = "县", example = "湘潭县") String county,
        @Schema(description = "指标体系代码", example = "xiangtan-county") String systemCode,
        @Schema(description = "状态代码：NOT_STARTED、FILLING、SUBMITTED、IN_REVIEW、RETURNED、APPROVED、PUBLISHED") String state,
        @Schema(description = "状态名称：未开始、填报中、已提交、审核中、已退回、已通过、已公开") String stateLabel,
        @Schema(description = "提交截止日期", implementation = String.class, format = "date") LocalDate deadline,
        @Schema(description = "是否逾期：今日（北京时间）已过截止日期，且任务未开始、填报中或已退回") boolean overdue,
        @Schema(description = "逾期天数；未逾期时为0") long overdueDays,
        @Schema(description = "最近一次提交的序号；从未提交时为0") int submissions,
        @Schema(description = "任务的版本号（即 ETag），每次状态变化加1") long version,
        @Schema(description = "当前用户现在可做的操作") List<ActionView> allowedActions,
        @Schema(description = "评价人员的退回意见，最新的在前") List<Comment> comments,
        @Schema(description = "全部状态变化，按时间先后") List<Transition> transitions) {

    @Schema(name = "TaskActionView", description = "一项操作")
    public record ActionView(
            @Schema(description = "操作代码：START、SUBMIT、REVIEW、RETURN、APPROVE、PUBLISH", example = "SUBMIT") String action,
            @Schema(description = "操作名称", example = "提交") String label) {
    }

    @Schema(name = "TaskComment", description = "一条退回意见")
    public record Comment(
            @Schema(description = "退回人") String by,
            @Schema(description = "退回时间（UTC）", implementation = String.class, format = "date-time") OffsetDateTime at,
            @Schema(description = "意见") String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TaskTransition", description = "一次状态变化：谁、何时、做了什么、为什么")
    public record Transition(
            @Schema(description = "操作代码", example = "SUBMIT") String action,
            @Schema(description = "操作名称", example = "提交") String actionLabel,
            @Schema(description = "原状态代码") String fromState,
            @Schema(description = "原状态名称") String fromStateLabel,
            @Schema(description = "新状态代码") String toState,
            @Schema(description = "新状态名称") String toStateLabel,
            @Schema(description = "操作人") String by,
            @Schema(description = "操作人的角色：finance、evaluator、admin") String role,
            @Schema(description = "操作时间（UTC）", implementation = String.class, format = "date-time") OffsetDateTime at,
            @Schema(description = "意见或说明；没有时省略") String comment,
            @Schema(description = "提交的序号；仅提交时有") Integer submissionNumber) {
    }
}
