package io.warden.infra.workflow;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline which is firing at that very moment is not
 * an error. db-scheduler refuses to cancel a picked task, and Axon lets that exception fail the unit of work: a
 * case resolved in the second its SLA deadline fires would be answered 500 and not resolved. The firing deadline's
 * handler runs under the aggregate's lock and checks the state (an SLA handler finds the case resolved or already
 * breached, an expiry finds the proposal decided), so letting it finish is correct whichever runs first.
 */
class RaceTolerantDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(RaceTolerantDeadlineManager.class);

    private final Scheduler scheduler;

    RaceTolerantDeadlineManager(Builder builder, Scheduler scheduler) {
        super(builder);
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceNotFoundException e) {
                log.debug("Deadline {} ({}) to cancel no longer exists; it has fired or was cancelled", deadlineName, scheduleId);
            } catch (TaskInstanceCurrentlyExecutingException e) {
                log.info("Deadline {} ({}) is firing as it is cancelled; its handler decides by the aggregate's state",
                        deadlineName, scheduleId);
            }
        });
    }
}
