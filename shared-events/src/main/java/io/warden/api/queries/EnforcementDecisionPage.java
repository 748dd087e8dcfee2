package io.warden.api.queries;

import java.util.List;

/**
 * A slice of the enforcement feed; {@code next} is the {@code after} of the following request (the last position
 * here, or {@code after} again when nothing new has arrived).
 */
public record EnforcementDecisionPage(List<EnforcementDecision> items, long after, int limit, long next) {
}
