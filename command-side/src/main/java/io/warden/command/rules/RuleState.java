package io.warden.command.rules;

import java.time.Instant;
import java.util.List;

/** What the rule engine remembers: the violations each rule has seen per account, and the firings it made. */
public interface RuleState {

    record SeenViolation(String violationId, Instant detectedAt) {
    }

    /** Remembers a matching violation; a violation seen before is not remembered twice. */
    void seen(String rule, String accountId, String violationId, Instant detectedAt);

    /** Matching violations of the account detected in [from, to], any order. */
    List<SeenViolation> seenBetween(String rule, String accountId, Instant from, Instant to);

    /** Every matching violation of the account, any order. */
    List<SeenViolation> seenAll(String rule, String accountId);

    /** Marks that the violation made the rule fire; false when it had already (a redelivered violation). */
    boolean fired(String rule, String accountId, String triggeringViolationId);
}
