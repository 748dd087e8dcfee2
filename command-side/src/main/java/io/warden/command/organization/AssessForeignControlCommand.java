package io.warden.command.organization;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Records the organization's effective share held from unsupported regions, as {@link OwnershipCalculator}
 * computed it after a stake somewhere upstream changed. The same assessment again is a no-op.
 */
public record AssessForeignControlCommand(@TargetAggregateIdentifier String organizationId, double share,
                                          List<List<String>> controlPaths) {
}
