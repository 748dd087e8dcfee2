package io.warden.api.queries;

/**
 * Where an enforcement action stands: in force, or how it stopped. A flag or restriction is LIFTED; a suspension
 * ENDED by reinstatement; a suspension or ban OVERTURNED by an appeal.
 */
public enum ActionState {
    ACTIVE, LIFTED, ENDED, OVERTURNED
}
