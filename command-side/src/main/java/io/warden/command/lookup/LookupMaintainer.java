package io.warden.command.lookup;

import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.AccountsLinkedToCaseEvent;
import io.warden.api.events.AppealFiledEvent;
import io.warden.api.events.CaseEnforcementRequestedEvent;
import io.warden.api.events.CaseEnforcementStartedEvent;
import io.warden.api.events.EnforcementProposedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Keeps {@link CommandSideLookups} in step with the events. Runs in a subscribing processor, so it writes in the
 * unit of work (and database transaction) of the command that produced the event: a lookup row exists exactly
 * when its event does.
 */
@ProcessingGroup(LookupMaintainer.PROCESSING_GROUP)
public class LookupMaintainer {

    public static final String PROCESSING_GROUP = "command-lookups";

    private final CommandSideLookups lookups;

    public LookupMaintainer(CommandSideLookups lookups) {
        this.lookups = lookups;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        lookups.accountRegistered(event.accountId());
    }

    @EventHandler
    void on(AccountsLinkedToCaseEvent event) {
        lookups.accountsLinked(event.caseId(), event.accountIds());
    }

    @EventHandler
    void on(EnforcementProposedEvent event) {
        lookups.ownedByAccount(event.actionId(), event.accountId());
    }

    @EventHandler
    void on(AppealFiledEvent event) {
        lookups.ownedByAccount(event.appealId(), event.accountId());
    }

    @EventHandler
    void on(CaseEnforcementRequestedEvent event) {
        lookups.takedownRequested(event.enforcementId(), event.caseId(), event.action(), event.requestedBy());
    }

    @EventHandler
    void on(CaseEnforcementStartedEvent event) {
        lookups.takedownStarted(event.enforcementId(), event.approvedBy());
    }
}
