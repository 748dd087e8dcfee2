package io.warden.command.rules;

import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.WardenMetaData;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * Feeds every recorded violation to the {@link FlaggingRules} and sends what they decide. Its processor writes the
 * rules' state in the same transaction as the decisions it sends, so a failed batch is retried as a whole and a
 * redelivered violation finds its firing already marked.
 */
// it sends commands: replaying it would decide again (new violations, flags, enforcements), so it refuses replay
@DisallowReplay
@ProcessingGroup(FlaggingRulesReactor.PROCESSING_GROUP)
public class FlaggingRulesReactor {

    public static final String PROCESSING_GROUP = "flagging-rules";

    private final FlaggingRules rules;
    private final RuleCommands commands;

    public FlaggingRulesReactor(FlaggingRules rules, RuleCommands commands) {
        this.rules = rules;
        this.commands = commands;
    }

    @EventHandler
    void on(ViolationRecordedEvent event, @MessageIdentifier String eventId,
            @MetaDataValue(WardenMetaData.CORRELATION_ID) String correlationId) {
        for (RuleDecision decision : rules.onViolation(event)) {
            commands.flag(decision, correlationId, eventId);
        }
    }
}
