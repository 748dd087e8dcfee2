package io.warden.query.cases;

import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseAssignedEvent;
import io.warden.api.events.CaseEscalatedEvent;
import io.warden.api.events.CaseFirstEnforcedEvent;
import io.warden.api.events.CaseReferredExternallyEvent;
import io.warden.api.events.CaseSlaBreachedEvent;
import io.warden.api.types.ActionKind;
import io.warden.api.types.ReferredViolation;
import io.warden.api.events.CaseNoteAddedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.events.CaseResolvedEvent;
import io.warden.api.types.CaseCategory;
import io.warden.api.types.CaseOutcome;
import io.warden.api.types.CaseStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;
import io.warden.query.support.StateJson;
import io.warden.query.support.StoredHistory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaseStateTest {

    private static final Instant T0 = Instant.parse("2026-02-23T09:00:00Z");

    @Test
    void a_case_folds_its_history_and_ignores_an_event_applied_before() {
        CaseState state = new CaseState();
        List<Object> events = List.of(
                new CaseOpenedEvent("c-1", "Ring", CaseCategory.MIXED, Severity.HIGH, "s", CaseTier.T1_TRIAGE, "alice"),
                new AccountsLinkedToCaseEvent("c-1", List.of("a-1", "a-2"), 2),
                new CaseAssignedEvent("c-1", "grace", null),
                new CaseEscalatedEvent("c-1", CaseTier.T1_TRIAGE, CaseTier.T3_LEGAL, "export"),
                new CaseNoteAddedEvent("c-1", "n-1", "logs", "alice"),
                new CaseResolvedEvent("c-1", CaseOutcome.ACTION_TAKEN, "done", "bob"));
        for (int i = 0; i < events.size(); i++) {
            assertThat(state.apply(new StoredHistory.Step(events.get(i), i, T0.plusSeconds(i), "alice"))).isTrue();
        }
        String before = StateJson.write(state);

        boolean again = state.apply(new StoredHistory.Step(events.get(4), 4, T0.plusSeconds(4), "alice"));

        assertThat(again).isFalse();
        assertThat(StateJson.write(state)).isEqualTo(before);
        assertThat(state.status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(state.tier()).isEqualTo(CaseTier.T3_LEGAL);
        assertThat(state.assignee()).isEqualTo("grace");
        assertThat(state.linkedCount()).isEqualTo(2);
        assertThat(state.version()).isEqualTo(5);
        assertThat(state.toView(List.of(), 0, 100, null).notes()).hasSize(1);
        assertThat(state.toView(List.of(), 0, 100, null).resolution().resolvedBy()).isEqualTo("bob");
        assertThat(StateJson.read(before, CaseState.class).toView(List.of(), 0, 100, null))
                .isEqualTo(state.toView(List.of(), 0, 100, null));
    }

    @Test
    void sla_breach_first_enforcement_and_referral_are_shown_and_count_towards_the_version() {
        CaseState state = new CaseState();
        List<Object> events = List.of(
                new CaseOpenedEvent("c-1", "Ring", CaseCategory.EXPORT_CONTROL, Severity.CRITICAL, "s", CaseTier.T1_TRIAGE, "alice"),
                new CaseSlaBreachedEvent("c-1", Severity.CRITICAL, T0.plusSeconds(3600), T0),
                new CaseFirstEnforcedEvent("c-1", "a-1", "s-1", ActionKind.SUSPEND),
                new CaseEscalatedEvent("c-1", CaseTier.T1_TRIAGE, CaseTier.T4_EXTERNAL_REFERRAL, "entity list"),
                new CaseReferredExternallyEvent("c-1", "referral-c-1", "entity list", List.of(
                        new ReferredViolation("ec-1", "a-1", "RESTRICTED_PARTY"),
                        new ReferredViolation("ec-2", "a-2", "UNSUPPORTED_REGION"))));
        for (int i = 0; i < events.size(); i++) {
            state.apply(new StoredHistory.Step(events.get(i), i, T0.plusSeconds(i), "alice"));
        }

        var view = state.toView(List.of(), 0, 100, null);

        assertThat(state.version()).isEqualTo(4);
        assertThat(view.slaBreachedAt()).isEqualTo(T0.plusSeconds(3600));
        assertThat(view.firstEnforcedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(view.referral().referralId()).isEqualTo("referral-c-1");
        assertThat(view.referral().violationCount()).isEqualTo(2);
        assertThat(StateJson.read(StateJson.write(state), CaseState.class).toView(List.of(), 0, 100, null)).isEqualTo(view);
    }
}
