package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A flag was removed from an account. */
@Revision("1")
public record AccountUnflaggedEvent(String accountId, String reason) {
}
