package io.warden.api.types;

import java.util.HashMap;
import java.util.Map;

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

    /** The role of the actors Warden acts as itself ({@code system:rules}, {@code system:export-controls}, ...). */
    public static final String SYSTEM_ROLE = "SYSTEM";

    private WardenMetaData() {
    }

    /**
     * The metadata of a command Warden sends on its own as {@code actor}, tied to the correlation and causation of
     * what caused it where those are known (a {@code null} is left out).
     */
    public static Map<String, Object> system(String actor, String correlationId, String causationId) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(ACTOR, actor);
        metaData.put(ACTOR_ROLES, SYSTEM_ROLE);
        if (correlationId != null) {
            metaData.put(CORRELATION_ID, correlationId);
        }
        if (causationId != null) {
            metaData.put(CAUSATION_ID, causationId);
        }
        return metaData;
    }
}
