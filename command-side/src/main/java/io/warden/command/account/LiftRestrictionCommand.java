package io.warden.command.account;

import io.warden.api.types.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Lifts an active restriction. */
public record LiftRestrictionCommand(@TargetAggregateIdentifier String accountId, String restrictionId, String reason) {
}
