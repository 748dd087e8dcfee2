package io.warden.command.deadline;

import java.util.Optional;

/**
 * Which scheduled deadline stands for which business key ({@code case-sla:<caseId>}, {@code proposal-expiry:<actionId>}).
 * The deadline manager chooses its own schedule ids; keeping them by key lets a cancellation find its one deadline
 * instead of scanning every scheduled one. Written in the transaction of the command that schedules or cancels.
 */
public interface DeadlineIds {

    void remember(String key, String scheduleId);

    /** Forgets the key and answers the schedule id it stood for, if any. */
    Optional<String> forget(String key);
}
