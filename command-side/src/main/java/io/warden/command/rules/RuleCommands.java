package io.warden.command.rules;

/** Sends a rule's decision as {@value #ACTOR}, so the audit trail shows it like any person's decision. */
public interface RuleCommands {

    String ACTOR = "system:rules";

    void flag(RuleDecision decision, String correlationId, String causationId);
}
