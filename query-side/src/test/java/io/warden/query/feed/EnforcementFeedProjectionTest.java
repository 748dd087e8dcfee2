package io.warden.query.feed;

import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountFlaggedEvent;
import io.warden.api.events.AccountReinstatedEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.events.AccountUnflaggedEvent;
import io.warden.api.events.RestrictionLiftedEvent;
import io.warden.api.queries.EnforcementDecision;
import io.warden.api.types.AccountStatus;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementDecisionType;
import io.warden.api.types.EnforcementGrounds;
import io.warden.api.types.ReinstatementCause;
import io.warden.api.types.RestrictionKind;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed projection's handlers, called directly on in-memory repositories. */
class EnforcementFeedProjectionTest {

    private static final Instant AT = Instant.parse("2026-02-23T09:15:00Z");
    private static final EnforcementGrounds GROUNDS = EnforcementGrounds.ofViolations(List.of("v-1"));

    private final Map<Long, FeedEntry> entries = new LinkedHashMap<>();
    private final Map<String, FeedAccountState> states = new LinkedHashMap<>();
    private final EnforcementFeedProjection projection = new EnforcementFeedProjection(feedRepository(), stateRepository());
    private long index;

    @Test
    void each_decision_states_the_status_the_account_has_after_it() {
        projection.on(new AccountFlaggedEvent("a", "bursty", List.of("v-1")), "e1", next(), AT);
        projection.on(new AccountRestrictedEvent("a", "r-1", RestrictionKind.RATE_LIMIT, "rate", GROUNDS, AT.plusSeconds(60)), "e2", next(), AT);
        projection.on(new AccountSuspendedEvent("a", "s-1", "distillation", GROUNDS, "alice", null), "e3", next(), AT);
        projection.on(new AccountBannedEvent("a", "b-1", "campaign", GROUNDS, "alice", "bob"), "e4", next(), AT);
        projection.on(new AccountReinstatedEvent("a", "appeal", ReinstatementCause.APPEAL_OVERTURNED, List.of("b-1"), "ap-1"), "e5", next(), AT);
        projection.on(new AccountReinstatedEvent("a", "manual", ReinstatementCause.MANUAL, List.of("s-1"), null), "e6", next(), AT);
        projection.on(new RestrictionLiftedEvent("a", "r-1", RestrictionKind.RATE_LIMIT, "fixed"), "e7", next(), AT);
        projection.on(new AccountUnflaggedEvent("a", "done"), "e8", next(), AT);

        assertThat(decisions()).extracting(EnforcementDecision::type).containsExactly(
                EnforcementDecisionType.FLAGGED, EnforcementDecisionType.RESTRICTED, EnforcementDecisionType.SUSPENDED,
                EnforcementDecisionType.BANNED, EnforcementDecisionType.REINSTATED, EnforcementDecisionType.REINSTATED,
                EnforcementDecisionType.RESTRICTION_LIFTED, EnforcementDecisionType.UNFLAGGED);
        assertThat(decisions()).extracting(EnforcementDecision::statusAfter).containsExactly(
                AccountStatus.FLAGGED, AccountStatus.RESTRICTED, AccountStatus.SUSPENDED, AccountStatus.BANNED,
                AccountStatus.SUSPENDED, AccountStatus.RESTRICTED, AccountStatus.FLAGGED, AccountStatus.ACTIVE);
        assertThat(decisions()).extracting(EnforcementDecision::position).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(decisions()).extracting(EnforcementDecision::globalIndex).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(decisions().get(1).restrictionKind()).isEqualTo(RestrictionKind.RATE_LIMIT);
        assertThat(decisions().get(1).expiresAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(decisions().get(4).kind()).as("the ban ended").isEqualTo(ActionKind.BAN);
        assertThat(decisions().get(5).kind()).as("the suspension ended").isEqualTo(ActionKind.SUSPEND);
        assertThat(decisions().get(5).endedActionIds()).containsExactly("s-1");
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        TrackingToken token = next();
        AccountSuspendedEvent suspended = new AccountSuspendedEvent("a", "s-1", "distillation", GROUNDS, "alice", null);

        projection.on(suspended, "e1", token, AT);
        projection.on(suspended, "e1", token, AT);
        projection.on(new AccountReinstatedEvent("a", "x", ReinstatementCause.MANUAL, List.of("s-1"), null), "e2", next(), AT);
        projection.on(new AccountReinstatedEvent("a", "x", ReinstatementCause.MANUAL, List.of("s-1"), null), "e2", token, AT);

        assertThat(decisions()).extracting(EnforcementDecision::type)
                .containsExactly(EnforcementDecisionType.SUSPENDED, EnforcementDecisionType.REINSTATED);
        assertThat(decisions().get(1).statusAfter()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void accounts_keep_their_own_status() {
        projection.on(new AccountSuspendedEvent("a", "s-1", "distillation", GROUNDS, "alice", null), "e1", next(), AT);
        projection.on(new AccountFlaggedEvent("b", "bursty", List.of()), "e2", next(), AT);

        assertThat(decisions()).extracting(EnforcementDecision::statusAfter)
                .containsExactly(AccountStatus.SUSPENDED, AccountStatus.FLAGGED);
    }

    @Test
    void a_reset_empties_the_feed_and_its_account_states() {
        projection.on(new AccountFlaggedEvent("a", "bursty", List.of()), "e1", next(), AT);

        projection.reset();

        assertThat(entries).isEmpty();
        assertThat(states).isEmpty();
    }

    private TrackingToken next() {
        return new GlobalSequenceTrackingToken(++index);
    }

    private List<EnforcementDecision> decisions() {
        return entries.values().stream().map(FeedEntry::toDecision).toList();
    }

    private FeedEntryRepository feedRepository() {
        return (FeedEntryRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{FeedEntryRepository.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "existsByEventId" -> entries.values().stream().anyMatch(e -> e.toDecision().eventId().equals(args[0]));
                    case "lastPosition" -> entries.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
                    case "save" -> {
                        FeedEntry entry = (FeedEntry) args[0];
                        entries.put(entry.toDecision().position(), entry);
                        yield entry;
                    }
                    case "deleteAllInBatch" -> {
                        entries.clear();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private FeedAccountStateRepository stateRepository() {
        return (FeedAccountStateRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{FeedAccountStateRepository.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findById" -> Optional.ofNullable(states.get((String) args[0]));
                    case "save" -> {
                        FeedAccountState state = (FeedAccountState) args[0];
                        String id = state.accountId();
                        states.put(id, state);
                        yield state;
                    }
                    case "deleteAllInBatch" -> {
                        states.clear();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
