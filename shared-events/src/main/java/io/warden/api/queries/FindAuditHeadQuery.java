package io.warden.api.queries;

/** The newest settled link of the audit chain, for an auditor to export and compare later. */
public record FindAuditHeadQuery() {
}
