package io.warden.api.queries;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A link of the audit chain an auditor can keep: the hash at {@code position} covers every stored event up to and
 * including it. Empty (null position and hash) while no entry is settled yet.
 *
 * @param occurredAt when the event at {@code position} happened
 * @param settledBefore entries newer than this are not offered as a head yet: a transaction that commits late may
 *                      still place an event below them, which links them anew
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditHead(Long position, String hash, Instant occurredAt, Instant settledBefore, Instant checkedAt) {
}
