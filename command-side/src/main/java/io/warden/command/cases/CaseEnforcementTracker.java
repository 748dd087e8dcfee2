package io.warden.command.cases;

import io.warden.api.events.AccountBannedEvent;
import io.warden.api.events.AccountRestrictedEvent;
import io.warden.api.events.AccountSuspendedEvent;
import io.warden.api.types.ActionKind;
import io.warden.api.types.EnforcementGrounds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells a case when an enforcement action citing it was taken, which ends its SLA. The case decides whether it is
 * the first; a campaign takedown citing one case thousands of times sends the case one command, not thousands,
 * because cases already told are remembered here (a restart forgets them, and the case's own check keeps a repeat
 * harmless).
 */
// it sends commands: replaying it would decide again (new violations, flags, enforcements), so it refuses replay
@DisallowReplay
@ProcessingGroup(CaseEnforcementTracker.PROCESSING_GROUP)
public class CaseEnforcementTracker {

    public static final String PROCESSING_GROUP = "case-enforcement";

    private final CommandGateway commands;
    private final Map<String, Boolean> told = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    public CaseEnforcementTracker(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(AccountRestrictedEvent event) {
        record(event.grounds(), event.accountId(), event.restrictionId(), ActionKind.RESTRICT);
    }

    @EventHandler
    void on(AccountSuspendedEvent event) {
        record(event.grounds(), event.accountId(), event.actionId(), ActionKind.SUSPEND);
    }

    @EventHandler
    void on(AccountBannedEvent event) {
        record(event.grounds(), event.accountId(), event.actionId(), ActionKind.BAN);
    }

    private void record(EnforcementGrounds grounds, String accountId, String actionId, ActionKind kind) {
        if (grounds == null || grounds.caseId() == null || grounds.caseId().isBlank()
                || told.containsKey(grounds.caseId())) {
            return;
        }
        commands.sendAndWait(new RecordCaseEnforcementCommand(grounds.caseId(), accountId, actionId, kind));
        told.put(grounds.caseId(), Boolean.TRUE);
    }
}
