package io.warden.command.organization;

import io.warden.api.events.OrganizationRegisteredEvent;
import io.warden.api.events.OwnershipStakeChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** Keeps {@link OwnershipRegistry} in step with the events, in the command's own transaction (subscribing). */
@ProcessingGroup("export-control-lookups")
public class OwnershipGraphMaintainer {

    private final OwnershipRegistry registry;

    public OwnershipGraphMaintainer(OwnershipRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(OrganizationRegisteredEvent event) {
        registry.organizationRegistered(event.organizationId(), event.name(), event.headquartersCountry());
    }

    @EventHandler
    void on(OwnershipStakeChangedEvent event) {
        registry.stakeChanged(event.organizationId(), event.ownerOrganizationId(), event.percent());
    }
}
