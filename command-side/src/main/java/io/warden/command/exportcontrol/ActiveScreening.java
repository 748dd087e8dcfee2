package io.warden.command.exportcontrol;

import io.warden.command.screening.RestrictedPartyScreening;

import java.util.Optional;

/** The screening against the list version currently active; empty until a list has been imported. */
public interface ActiveScreening {

    Optional<RestrictedPartyScreening> current();

    /** Makes sure {@code importId} (or a newer version) is the one screened against. */
    void ensureLoaded(String importId);
}
