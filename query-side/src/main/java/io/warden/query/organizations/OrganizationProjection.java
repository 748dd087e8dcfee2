package io.warden.query.organizations;

import io.warden.api.events.OrganizationRegisteredEvent;
import io.warden.api.events.OrganizationRestrictedEvent;
import io.warden.api.events.OrganizationRestrictionEndedEvent;
import io.warden.api.events.OwnershipStakeChangedEvent;
import io.warden.api.events.UnsupportedRegionShareChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps {@code organization_view} and {@code organization_owner_view}. The events carry the computed share and
 * paths, so nothing is looked up. Each row remembers the organization's version it reflects, and an event at or
 * below it is a redelivery and changes nothing; events of one organization arrive in order (one aggregate, one
 * sequence).
 */
@Component
@ProcessingGroup(OrganizationProjection.PROCESSING_GROUP)
class OrganizationProjection {

    static final String PROCESSING_GROUP = "organizations";

    private final OrganizationRepository organizations;
    private final OrganizationOwnerRepository owners;

    OrganizationProjection(OrganizationRepository organizations, OrganizationOwnerRepository owners) {
        this.organizations = organizations;
        this.owners = owners;
    }

    @EventHandler
    void on(OrganizationRegisteredEvent event, @SequenceNumber long version) {
        if (!organizations.existsById(event.organizationId())) {
            organizations.save(new OrganizationEntry(event.organizationId(), event.name(), event.headquartersCountry(),
                    version));
        }
    }

    @EventHandler
    void on(OwnershipStakeChangedEvent event, @SequenceNumber long version) {
        organizations.findById(event.organizationId()).filter(o -> o.isNewer(version)).ifPresent(organization -> {
            OrganizationOwnerEntry.Key key = new OrganizationOwnerEntry.Key(event.organizationId(),
                    event.ownerOrganizationId());
            if (event.percent().signum() == 0) {
                owners.deleteById(key);
            } else {
                owners.findById(key).ifPresentOrElse(stake -> stake.changeTo(event.percent()),
                        () -> owners.save(new OrganizationOwnerEntry(event.organizationId(),
                                event.ownerOrganizationId(), event.percent())));
            }
            organization.stakesChanged(version);
        });
    }

    @EventHandler
    void on(UnsupportedRegionShareChangedEvent event, @SequenceNumber long version) {
        assessed(event.organizationId(), event.share(), event.restricted(), event.controlPaths(), version);
    }

    @EventHandler
    void on(OrganizationRestrictedEvent event, @SequenceNumber long version) {
        assessed(event.organizationId(), event.share(), true, event.controlPaths(), version);
    }

    @EventHandler
    void on(OrganizationRestrictionEndedEvent event, @SequenceNumber long version) {
        assessed(event.organizationId(), event.share(), false, event.controlPaths(), version);
    }

    private void assessed(String organizationId, double share, boolean restricted, List<List<String>> paths,
                          long version) {
        organizations.findById(organizationId).filter(o -> o.isNewer(version))
                .ifPresent(o -> o.controlAssessed(share, restricted, paths, version));
    }

    @ResetHandler
    void reset() {
        owners.deleteAllInBatch();
        organizations.deleteAllInBatch();
    }
}
