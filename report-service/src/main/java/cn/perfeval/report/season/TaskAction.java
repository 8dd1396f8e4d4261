package cn.perfeval.report.season;

import java.util.Set;

/**
 * What moves a task from one {@link TaskState} to another, and who may do it: the unit's finance staff
 * start and submit (and resubmit after a return), the county's evaluator reviews, returns with comments
 * and approves, the administrator publishes.
 */
public enum TaskAction {
    START("开始填报", Set.of(TaskState.NOT_STARTED), TaskState.FILLING),
    SUBMIT("提交", Set.of(TaskState.FILLING, TaskState.RETURNED), TaskState.SUBMITTED),
    REVIEW("开始审核", Set.of(TaskState.SUBMITTED), TaskState.IN_REVIEW),
    RETURN("退回", Set.of(TaskState.IN_REVIEW), TaskState.RETURNED),
    APPROVE("审核通过", Set.of(TaskState.IN_REVIEW), TaskState.APPROVED),
    PUBLISH("公开", Set.of(TaskState.APPROVED), TaskState.PUBLISHED);

    private final String label;
    private final Set<TaskState> from;
    private final TaskState to;

    TaskAction(String label, Set<TaskState> from, TaskState to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public Set<TaskState> from() {
        return from;
    }

    public TaskState to() {
        return to;
    }
}
