package io.warden.command.exportcontrol;

import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.OrganizationRestrictedEvent;
import io.warden.api.events.OwnershipStakeChangedEvent;
import io.warden.api.events.ScreeningListImportedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.ViolationCategory;
import io.warden.api.types.WardenMetaData;
import io.warden.command.organization.AssessForeignControlCommand;
import io.warden.command.organization.OwnershipCalculator;
import io.warden.command.organization.OwnershipRegistry;
import io.warden.command.screening.RestrictedPartyScreening;
import io.warden.command.screening.ScreeningMatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Export controls that need no person to notice them. Runs in its own tracking processor, single segment, so it
 * sees events in the order they were stored: an account registered after a list import is screened against that
 * list, and an account registered after its organization became restricted is caught at registration.
 * <ul>
 *   <li>a new active list version re-screens every account, in pages, matching in parallel;</li>
 *   <li>a registration screens the organization name, checks the country and the organization's control;</li>
 *   <li>a violation whose evidence shows traffic from an unsupported region records that, once per account and
 *       country (except for violations that already say exactly that);</li>
 *   <li>a changed stake re-assesses every organization downstream of it, and an organization that becomes
 *       restricted gives each of its accounts a FOREIGN_CONTROL violation.</li>
 * </ul>
 * Every violation id is derived from what it is about, so a replay or a retry records nothing twice.
 */
// it sends commands: replaying it would decide again (new violations, flags, enforcements), so it refuses replay
@DisallowReplay
@ProcessingGroup(ExportControlReactor.PROCESSING_GROUP)
public class ExportControlReactor {

    public static final String PROCESSING_GROUP = "export-controls";
    static final int PAGE = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ExportControlReactor.class);

    private final ActiveScreening screening;
    private final ScreeningSubjects subjects;
    private final OwnershipRegistry ownership;
    private final OwnershipCalculator calculator;
    private final SystemCommands commands;
    /** (account, country) pairs already recorded, so a flood of violations from one region is one command. */
    private final Map<String, Boolean> recentRegionFindings = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 100_000;
                }
            });

    public ExportControlReactor(ActiveScreening screening, ScreeningSubjects subjects, OwnershipRegistry ownership,
                                OwnershipCalculator calculator, SystemCommands commands) {
        this.screening = screening;
        this.subjects = subjects;
        this.ownership = ownership;
        this.calculator = calculator;
        this.commands = commands;
    }

    @EventHandler
    void on(ScreeningListImportedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            @MetaDataValue(WardenMetaData.CORRELATION_ID) String correlationId) {
        screening.ensureLoaded(event.importId());
        rescreenAll(at, correlationId, eventId);
    }

    /** Every account against the active list; answers how many violations were new. */
    public int rescreenAll(Instant at, String correlationId, String causationId) {
        Optional<RestrictedPartyScreening> active = screening.current();
        if (active.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        int screened = 0;
        int recorded = 0;
        String after = null;
        while (true) {
            List<ScreeningSubjects.Subject> page = subjects.subjectsAfter(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<Object> found = page.parallelStream()
                    .flatMap(s -> active.get().screen(s.organization(), s.country()).stream()
                            .map(m -> (Object) ExportControlViolations.restrictedParty(s.accountId(), s.organization(), m, at)))
                    .toList();
            recorded += commands.sendAll(found, correlationId, causationId);
            screened += page.size();
            after = page.get(page.size() - 1).accountId();
        }
        log.info("Re-screened {} accounts against the active list in {} ms: {} new RESTRICTED_PARTY violations",
                screened, (System.nanoTime() - started) / 1_000_000, recorded);
        return recorded;
    }

    @EventHandler
    void on(AccountRegisteredEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            @MetaDataValue(WardenMetaData.CORRELATION_ID) String correlationId) {
        ScreeningSubjects.Subject subject = new ScreeningSubjects.Subject(event.accountId(), event.organization(),
                event.organizationId(), event.country());
        subjects.subjectRegistered(subject);
        List<Object> found = new ArrayList<>();
        if (calculator.isUnsupported(event.country())) {
            found.add(ExportControlViolations.registeredInRegion(event.accountId(), event.country(), at));
        }
        screening.current().ifPresent(s -> s.screen(event.organization(), event.country()).forEach(match ->
                found.add(ExportControlViolations.restrictedParty(event.accountId(), event.organization(), match, at))));
        if (event.organizationId() != null) {
            subjects.control(event.organizationId()).filter(ScreeningSubjects.Control::restricted).ifPresent(c ->
                    found.add(ExportControlViolations.foreignControl(event.accountId(), c.organizationId(),
                            c.restriction(), c.share(), c.controlPaths(), at)));
        }
        commands.sendAll(found, correlationId, eventId);
    }

    @EventHandler
    void on(ViolationRecordedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            @MetaDataValue(WardenMetaData.CORRELATION_ID) String correlationId) {
        if (event.evidence() == null || !calculator.isUnsupported(event.evidence().sourceCountry())) {
            return;
        }
        if (event.category() == ViolationCategory.EXPORT_CONTROL
                && ExportControlViolations.UNSUPPORTED_REGION.equals(event.policy())) {
            return;
        }
        String country = event.evidence().sourceCountry().toUpperCase(java.util.Locale.ROOT);
        if (recentRegionFindings.putIfAbsent(event.accountId() + "\n" + country, Boolean.TRUE) != null) {
            return;
        }
        commands.sendAll(List.of(ExportControlViolations.trafficFromRegion(event.accountId(), country,
                event.violationId(), at)), correlationId, eventId);
    }

    @EventHandler
    void on(OwnershipStakeChangedEvent event, @MessageIdentifier String eventId,
            @MetaDataValue(WardenMetaData.CORRELATION_ID) String correlationId) {
        Set<String> affected = calculator.downstreamOf(event.organizationId(), ownership);
        List<Object> assessments = new ArrayList<>(affected.size());
        for (String organizationId : affected) {
            OwnershipCalculator.Assessment assessment = calculator.assess(organizationId, ownership);
            assessments.add(new AssessForeignControlCommand(organizationId, assessment.share(),
                    assessment.controlPaths()));
        }
        commands.sendAll(assessments, correlationId, eventId);
    }

    @EventHandler
    void on(OrganizationRestrictedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId,
            @MetaDataValue(WardenMetaData.CORRELATION_ID) String correlationId) {
        List<Object> found = new ArrayList<>();
        for (ScreeningSubjects.Subject subject : subjects.subjectsOf(event.organizationId())) {
            found.add(ExportControlViolations.foreignControl(subject.accountId(), event.organizationId(),
                    event.restriction(), event.share(), event.controlPaths(), at));
        }
        commands.sendAll(found, correlationId, eventId);
    }
}
