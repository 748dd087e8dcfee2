package io.warden.api.events;

import io.warden.api.types.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** An account became known to Warden. */
@Revision("1")
public record AccountRegisteredEvent(String accountId, String organization, String organizationId, String country, Tier tier) {
}
