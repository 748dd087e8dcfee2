package io.warden.api.queries;

import io.warden.api.types.AccountStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: every figure counted from events by the reporting projection. Maps over an enum list every
 * constant, zeros included; {@code violationsByPolicy} and {@code violationsByCountry} list what occurs, largest
 * first. Countries are the accounts' registration countries.
 */
public record DashboardView(
        Instant asOf,
        long accounts,
        Map<AccountStatus, Long> accountsByStatus,
        long violations,
        Map<ViolationCategory, Long> violationsByCategory,
        Map<String, Long> violationsByPolicy,
        Map<String, Long> violationsByCountry,
        long openCases,
        Map<CaseTier, Long> openCasesByTier,
        Map<Severity, Long> openCasesBySeverity,
        SlaBreaches slaBreaches,
        List<DailyActions> actionsPerDay,
        TimeToFirstAction timeToFirstAction) {

    /**
     * Cases that missed their SLA (from opening until the first enforcement citing the case or the resolution,
     * whichever is first). {@code openPastDeadline}: neither has happened and the deadline has passed;
     * {@code metLate}: the first of them happened after the deadline. {@code slaDurations} are the configured
     * durations (ISO-8601) the figures were computed with.
     */
    public record SlaBreaches(long total, long openPastDeadline, long metLate,
                              Map<Severity, SlaBreachCount> bySeverity, Map<Severity, String> slaDurations) {
    }

    public record SlaBreachCount(long openPastDeadline, long metLate) {
    }

    /**
     * Actions that took effect on one UTC day: flags, restrictions, suspensions, and bans counted on the day they
     * were approved (a proposal is not an action).
     */
    public record DailyActions(String day, long flags, long restrictions, long suspensions, long bans) {
    }

    /**
     * From an account's first recorded violation to its first enforcement action in force (restriction, suspension
     * or approved ban; flags do not count), over the accounts that had a violation before being enforced.
     * {@code accountsAwaitingAction}: accounts with a violation and no enforcement yet. Seconds are null while no
     * account has been measured.
     */
    public record TimeToFirstAction(long accountsMeasured, long accountsAwaitingAction, Double medianSeconds,
                                    Double p90Seconds) {
    }
}
