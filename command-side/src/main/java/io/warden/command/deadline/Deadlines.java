package io.warden.command.deadline;

import io.warden.api.types.WardenMetaData;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;

/**
 * Scheduling and cancelling the deadlines of aggregates, from their command handlers (so in the aggregate's scope).
 * A deadline's message is marked as {@value #ACTOR}: what it records when it fires happened because time passed,
 * not because the person whose command scheduled it acted again. The correlation id of that command is kept, so the
 * audit trail ties the two together.
 */
public final class Deadlines {

    public static final String ACTOR = "system:deadlines";

    private final DeadlineManager manager;
    private final DeadlineIds ids;

    public Deadlines(DeadlineManager manager, DeadlineIds ids) {
        this.manager = manager;
        this.ids = ids;
    }

    public void schedule(String key, String deadlineName, Instant at, Object payload) {
        MetaData system = MetaData.from(WardenMetaData.system(ACTOR, null, null));
        String scheduleId = manager.schedule(at, deadlineName, new GenericMessage<>(payload, system));
        ids.remember(key, scheduleId);
    }

    public void cancel(String key, String deadlineName) {
        ids.forget(key).ifPresent(scheduleId -> manager.cancelSchedule(deadlineName, scheduleId));
    }

    /** After a deadline fired: its schedule is gone, and so should its key be. */
    public void fired(String key) {
        ids.forget(key);
    }
}
