package io.warden.command.common;

import io.warden.api.types.WardenMetaData;

/** Checks of a command's own fields, before any rule of the domain is consulted. */
public final class Require {

    private Require() {
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field + " is required and must not be blank");
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidCommandException(field + " is required");
        }
        return value;
    }

    /**
     * The acting person travels as metadata, attached by the infrastructure from the authenticated request; its
     * absence is a wiring fault, not something the client can correct, hence not an {@link InvalidCommandException}.
     */
    public static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalStateException("the command carries no '" + WardenMetaData.ACTOR
                    + "' metadata; the infrastructure must attach the authenticated principal to every command");
        }
        return actor;
    }
}
