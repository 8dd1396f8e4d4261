package cn.perfeval.report.season;

import cn.perfeval.events.TaskStateChanged;
import cn.perfeval.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import cn.perfeval.report.config.ReportConfig;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Writes a task's {@link TaskStateChanged} into the outbox, inside the transaction that changed the task. */
@ApplicationScoped
public class TaskEventWriter {

    private final OutboxWriter outbox;
    private final String topic;

    public TaskEventWriter(OutboxWriter outbox, ReportConfig config) {
        this.outbox = outbox;
        this.topic = config.seasonEvents().topic();
    }

    /**
     * @param action a task action's name, or {@link TaskStateChanged#CREATED}
     * @param from   the state before (null at creation)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(long seasonId, String county, int year, String unitCode, String unitName, String action,
                        TaskState from, TaskState to, String actor, String role, String comment, Integer submissionNumber,
                        LocalDate deadline, long taskVersion, OffsetDateTime at) {
        TaskStateChanged event = new TaskStateChanged(UUID.randomUUID().toString(), TaskStateChanged.TYPE,
                TaskStateChanged.SCHEMA_VERSION, seasonId, county, year, unitCode, unitName, action,
                from == null ? null : from.name(), to.name(), to.label(), actor, role, comment, submissionNumber, deadline,
                taskVersion, at);
        outbox.write(topic, event.key(), TaskStateChanged.TYPE, at, event);
    }
}
