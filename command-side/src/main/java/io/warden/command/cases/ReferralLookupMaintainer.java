package io.warden.command.cases;

import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.ViolationCategory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Keeps {@link ReferralLookups} in step with the recorded export-control violations. Subscribing, in the transaction
 * of the command that recorded them, like the other command-side lookups.
 */
@ProcessingGroup(ReferralLookupMaintainer.PROCESSING_GROUP)
public class ReferralLookupMaintainer {

    public static final String PROCESSING_GROUP = "referral-lookups";

    private final ReferralLookups lookups;

    public ReferralLookupMaintainer(ReferralLookups lookups) {
        this.lookups = lookups;
    }

    @EventHandler
    void on(ViolationRecordedEvent event) {
        if (event.category() == ViolationCategory.EXPORT_CONTROL) {
            lookups.exportControlViolationRecorded(event.accountId(), event.violationId(), event.policy());
        }
    }
}
