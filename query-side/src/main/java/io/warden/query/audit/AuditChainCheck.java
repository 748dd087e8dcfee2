package io.warden.query.audit;

import io.warden.api.queries.AuditVerification;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks the stored events and the audit entries side by side, both in position order, recomputes every link from
 * the stored events and stops at the first position where the two disagree. Holds one event and one entry at a
 * time, so a million events verify in constant memory.
 * <p>
 * What counts as a disagreement, at position p:
 * <ul>
 *     <li>an entry without a stored event: the event was deleted (or the entry forged);</li>
 *     <li>an entry whose columns differ from those derived from its stored event, or whose hash or link differ from
 *     the recomputed ones: the event or the entry was edited;</li>
 *     <li>a stored event without an entry, below newer entries, while the chain runs through it (the next entry's
 *     previous hash is not the one before p): the entry was deleted;</li>
 *     <li>the same, while the chain skips it, once its timestamp is older than the settle time: the trail misses
 *     it. Younger ones are pending: a transaction that committed late, about to be linked in;</li>
 *     <li>with an expected head, a recomputed hash at its position other than the exported one, or no entry
 *     there.</li>
 * </ul>
 * Stored events after the newest entry are pending: the projection has not reached them yet.
 */
final class AuditChainCheck {

    private final Instant now;
    private final Duration settleTime;
    private final String expectedHash;
    private final Long expectedAt;

    AuditChainCheck(Instant now, Duration settleTime, String expectedHash, Long expectedAt) {
        this.now = now;
        this.settleTime = settleTime;
        this.expectedHash = expectedHash;
        this.expectedAt = expectedAt;
    }

    AuditVerification run(Iterator<StoredEvent> storedEvents, Iterator<AuditRecord> auditEntries) {
        Peeking<StoredEvent> events = new Peeking<>(storedEvents);
        Peeking<AuditRecord> entries = new Peeking<>(auditEntries);
        String previous = AuditChain.GENESIS;
        long checked = 0;
        long pending = 0;
        Long head = null;
        Boolean headMatched = null;
        while (true) {
            StoredEvent event = events.peek();
            AuditRecord entry = entries.peek();
            if (entry == null) {
                while (events.peek() != null) {
                    events.next();
                    pending++;
                }
                break;
            }
            if (event == null || entry.position() < event.position()) {
                return invalid(checked, entry.position(), "The audit entry at position " + entry.position()
                        + " has no stored event: the event was deleted from the event store, or the entry forged.",
                        head, previous, pending, headMatched);
            }
            if (event.position() < entry.position()) {
                boolean skippedByChain = entry.previousHash().equals(previous);
                if (skippedByChain && isRecent(event)) {
                    pending++;
                    events.next();
                    continue;
                }
                return invalid(checked, event.position(), skippedByChain
                                ? "The stored event at position " + event.position() + " has no audit entry and the chain skips it."
                                : "The stored event at position " + event.position()
                                  + " has no audit entry although the chain runs through it: the entry was deleted.",
                        head, previous, pending, headMatched);
            }
            AuditRecord expected;
            try {
                expected = AuditRecord.derive(event, previous);
            } catch (RuntimeException unreadable) {
                return invalid(checked, event.position(), "The stored event at position " + event.position()
                        + " cannot be read (" + unreadable.getMessage() + "): it was altered.", head, previous, pending, headMatched);
            }
            String difference = expected.firstDifference(entry);
            if (difference != null) {
                return invalid(checked, event.position(), describe(event.position(), difference, expected, entry),
                        head, previous, pending, headMatched);
            }
            previous = expected.hash();
            head = event.position();
            checked++;
            events.next();
            entries.next();
            if (expectedAt != null && expectedAt == event.position()) {
                headMatched = expectedHash.equals(previous);
                if (!headMatched) {
                    return invalid(checked, event.position(), "The chain at position " + event.position()
                                    + " does not have the expected (exported) hash: the history up to there was rewritten.",
                            head, previous, pending, headMatched);
                }
            }
        }
        if (expectedAt != null && headMatched == null) {
            return invalid(checked, expectedAt, "There is no audit entry at the expected head's position " + expectedAt
                    + ": entries up to it were deleted, or the trail has not reached it yet.", head, previous, pending, false);
        }
        return new AuditVerification(true, checked, null, null, head, head == null ? null : previous, pending,
                headMatched, now);
    }

    private boolean isRecent(StoredEvent event) {
        try {
            return Instant.parse(event.timestamp()).isAfter(now.minus(settleTime));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String describe(long position, String difference, AuditRecord expected, AuditRecord actual) {
        String at = " at position " + position;
        return switch (difference) {
            case "previousHash" -> "The audit entry" + at + " does not link to the entry before it (previousHash differs).";
            case "hash" -> "The hash of the audit entry" + at
                    + " does not match its stored event: the stored event or the entry's hash was altered.";
            default -> expected.hash().equals(actual.hash())
                    ? "The audit entry" + at + " was altered (" + difference + " differs from the stored event, whose hash still matches)."
                    : "The stored event" + at + " no longer matches its audit entry (" + difference
                      + " and the hash differ): the stored event or the entry was altered.";
        };
    }

    private AuditVerification invalid(long checked, long position, String reason, Long head, String headHash,
                                      long pending, Boolean headMatched) {
        return new AuditVerification(false, checked, position, reason, head, head == null ? null : headHash, pending,
                headMatched, now);
    }

    private static final class Peeking<T> {
        private final Iterator<T> source;
        private T next;

        Peeking(Iterator<T> source) {
            this.source = source;
            this.next = source.hasNext() ? source.next() : null;
        }

        T peek() {
            return next;
        }

        T next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            T current = next;
            next = source.hasNext() ? source.next() : null;
            return current;
        }
    }
}
