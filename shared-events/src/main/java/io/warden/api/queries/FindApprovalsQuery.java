package io.warden.api.queries;

import io.warden.api.types.ApprovalStatus;

/** Proposals awaiting (or past) a second person's decision; {@code status} null means all. */
public record FindApprovalsQuery(ApprovalStatus status, int page, int size) {
}
