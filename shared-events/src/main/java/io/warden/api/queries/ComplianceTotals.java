package io.warden.api.queries;

import io.warden.api.types.ActionKind;

import java.util.Map;

/**
 * Totals of a compliance report. {@code unactionedViolations}: rows with no action (the compliance gap);
 * {@code actionsByKind} counts distinct actions taken on the report's violations (an action citing three of them
 * counts once), every kind listed; policies and countries are listed largest first.
 */
public record ComplianceTotals(long violations, long unactionedViolations, Map<String, Long> byPolicy,
                               Map<String, Long> byCountry, Map<ActionKind, Long> actionsByKind) {
}
