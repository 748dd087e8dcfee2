package io.warden.command.cases;

import io.warden.api.types.AccountOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Records one processed chunk of a running takedown: the accounts after {@code fromCursor} up to {@code cursor}
 * (by id), with this chunk's counts. A chunk whose {@code fromCursor} is not where the takedown stands was recorded
 * before (a redelivery after a restart) and changes nothing. {@code finished} ends the takedown.
 */
public record RecordTakedownProgressCommand(@TargetAggregateIdentifier String caseId, String enforcementId,
                                            String fromCursor, String cursor, long done, long skipped, long failed,
                                            List<AccountOutcome> skips, List<AccountOutcome> failures,
                                            boolean finished) {
}
