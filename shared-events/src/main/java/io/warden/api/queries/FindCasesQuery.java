package io.warden.api.queries;

import io.warden.api.types.CaseStatus;
import io.warden.api.types.CaseTier;
import io.warden.api.types.Severity;

/** Cases matching every filter that is not null. */
public record FindCasesQuery(CaseStatus status, CaseTier tier, Severity severity, String assignee, int page, int size) {
}
