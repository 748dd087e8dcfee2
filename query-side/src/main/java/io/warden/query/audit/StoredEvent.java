package io.warden.query.audit;

/**
 * One row of {@code domain_event_entry} exactly as stored: the input of the audit chain. Nothing here is
 * deserialized, so an edit of any stored byte changes what the chain sees.
 *
 * @param aggregateType the {@code type} column, null for an event published outside an aggregate
 * @param timestamp     the {@code time_stamp} column as stored (ISO-8601 text)
 * @param metaData      null when the event was stored without metadata
 */
record StoredEvent(long position, String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                   String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

    /** The columns of {@code domain_event_entry} this record is read from, in the order the readers expect. */
    static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data";
}
