package io.warden.api.types;

/** Keys of the metadata that every command and event carries. */
public final class WardenMetaData {

    /** The authenticated principal that caused the message, e.g. {@code alice} or {@code system:rules}. */
    public static final String ACTOR = "actor";
    /** The roles of that principal, comma separated. */
    public static final String ACTOR_ROLES = "actorRoles";
    /** Ties together everything caused by one request ({@code X-Correlation-Id} or generated). */
    public static final String CORRELATION_ID = "correlationId";
    /** The identifier of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private WardenMetaData() {
    }
}
