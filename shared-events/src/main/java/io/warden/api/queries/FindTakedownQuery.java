package io.warden.api.queries;

/** One takedown of one case. */
public record FindTakedownQuery(String caseId, String enforcementId) {
}
