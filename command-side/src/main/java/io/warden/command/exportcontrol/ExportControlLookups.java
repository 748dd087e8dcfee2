package io.warden.command.exportcontrol;

import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.OrganizationRestrictedEvent;
import io.warden.api.events.OrganizationRestrictionEndedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** Keeps {@link ScreeningSubjects} in step with the events, in the command's own transaction (subscribing). */
@ProcessingGroup("export-control-lookups")
public class ExportControlLookups {

    private final ScreeningSubjects subjects;

    public ExportControlLookups(ScreeningSubjects subjects) {
        this.subjects = subjects;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        subjects.subjectRegistered(new ScreeningSubjects.Subject(event.accountId(), event.organization(),
                event.organizationId(), event.country()));
    }

    @EventHandler
    void on(OrganizationRestrictedEvent event) {
        subjects.controlAssessed(new ScreeningSubjects.Control(event.organizationId(), true, event.restriction(),
                event.controlPaths(), event.share()));
    }

    @EventHandler
    void on(OrganizationRestrictionEndedEvent event) {
        subjects.controlAssessed(new ScreeningSubjects.Control(event.organizationId(), false, event.restriction(),
                event.controlPaths(), event.share()));
    }
}
