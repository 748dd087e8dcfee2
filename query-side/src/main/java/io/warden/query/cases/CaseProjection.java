package io.warden.query.cases;

import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.CaseAssignedEvent;
import io.warden.api.events.CaseEnforcementApprovedEvent;
import io.warden.api.events.CaseEnforcementCompletedEvent;
import io.warden.api.events.CaseEnforcementProgressedEvent;
import io.warden.api.events.CaseEnforcementRejectedEvent;
import io.warden.api.events.CaseEnforcementRequestedEvent;
import io.warden.api.events.CaseEnforcementStartedEvent;
import io.warden.api.events.CaseEscalatedEvent;
import io.warden.api.events.CaseFirstEnforcedEvent;
import io.warden.api.events.CaseReferredExternallyEvent;
import io.warden.api.events.CaseSlaBreachedEvent;
import io.warden.api.events.CaseNoteAddedEvent;
import io.warden.api.events.CaseOpenedEvent;
import io.warden.api.events.CaseResolvedEvent;
import io.warden.query.support.StoredHistory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the case read model: {@code case_view} (one row per case, folded by {@link CaseState}) and
 * {@code case_account_link} (its linked accounts, written set-based). Every case event is handled so that
 * {@code version} keeps step with the aggregate.
 */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
class CaseProjection {

    static final String PROCESSING_GROUP = "case-views";

    private final CaseViewRepository cases;
    private final CaseAccountLinks links;

    CaseProjection(CaseViewRepository cases, CaseAccountLinks links) {
        this.cases = cases;
        this.links = links;
    }

    @EventHandler
    void on(CaseOpenedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(AccountsLinkedToCaseEvent event, DomainEventMessage<?> message) {
        // the links first: an event applied before (redelivery) must still find its links in place
        links.link(event.caseId(), event.accountIds(), message.getSequenceNumber(), message.getTimestamp());
        apply(message);
    }

    @EventHandler
    void on(CaseAssignedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(CaseEscalatedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(CaseNoteAddedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(CaseResolvedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(CaseSlaBreachedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(CaseFirstEnforcedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(CaseReferredExternallyEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    // ---- takedown events: the status (ENFORCING while one runs) and the version
    @EventHandler
    void on(CaseEnforcementRequestedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(CaseEnforcementApprovedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(CaseEnforcementRejectedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(CaseEnforcementStartedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(CaseEnforcementProgressedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @EventHandler
    void on(CaseEnforcementCompletedEvent event, DomainEventMessage<?> message) {
        apply(message);
    }

    @ResetHandler
    void reset() {
        cases.deleteAllInBatch();
        links.clear();
    }

    private void apply(DomainEventMessage<?> message) {
        StoredHistory.Step step = StoredHistory.step(message);
        CaseViewEntry entry = cases.findById(message.getAggregateIdentifier()).orElse(null);
        if (entry == null) {
            entry = CaseViewEntry.startFor(message.getAggregateIdentifier());
            entry.apply(step);
            cases.save(entry);
        } else {
            entry.apply(step);
        }
    }
}
