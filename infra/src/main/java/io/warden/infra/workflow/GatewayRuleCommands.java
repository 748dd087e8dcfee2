package io.warden.infra.workflow;

import io.warden.api.types.WardenMetaData;
import io.warden.command.account.FlagAccountByRuleCommand;
import io.warden.command.rules.RuleCommands;
import io.warden.command.rules.RuleDecision;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.Map;

/**
 * Sends a rule's flag on the rule processor's own thread, so the command joins the processor's transaction: the
 * flag and the rule state that decided it commit together or not at all. The command never refuses (a flagged or
 * banned account makes it a no-op), so it cannot roll back the batch for a business reason.
 */
class GatewayRuleCommands implements RuleCommands {

    private final CommandGateway gateway;

    GatewayRuleCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void flag(RuleDecision decision, String correlationId, String causationId) {
        Map<String, Object> metaData = WardenMetaData.system(ACTOR, correlationId, causationId);
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new FlagAccountByRuleCommand(decision.accountId(), decision.rule(), decision.violationIds()))
                .andMetaData(metaData));
    }
}
