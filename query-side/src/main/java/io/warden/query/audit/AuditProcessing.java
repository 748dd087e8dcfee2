package io.warden.query.audit;

/**
 * How the audit trail's event processor must be configured, for whoever configures processors. The chain has one
 * global order, so the processor runs as one segment (and so one thread); its batch size may be as large as
 * throughput wants, since a batch is written with one read and one batch insert.
 */
public final class AuditProcessing {

    /** The processing group, and so the event processor's name. */
    public static final String PROCESSING_GROUP = "audit";

    /** Segments of the audit processor: exactly one. More would stay correct but relink the chain constantly. */
    public static final int SEGMENTS = 1;

    private AuditProcessing() {
    }
}
