package io.warden.command.exportcontrol;

import io.warden.api.events.AccountRegisteredEvent;
import io.warden.api.events.OrganizationRestrictedEvent;
import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.Evidence;
import io.warden.api.types.Severity;
import io.warden.api.types.Tier;
import io.warden.api.types.ViolationCategory;
import io.warden.command.account.RecordViolationCommand;
import io.warden.command.organization.OwnershipCalculator;
import io.warden.command.organization.OwnershipRegistry;
import io.warden.command.screening.ListEntry;
import io.warden.command.screening.NameNormalizer;
import io.warden.command.screening.RestrictedPartyScreening;
import io.warden.command.screening.ScreeningIndex;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The reactor's decisions, with its ports in memory: which violations, with which ids, and never twice. */
class ExportControlReactorTest {

    private static final Instant AT = Instant.parse("2026-02-23T09:15:00Z");
    private static final ListEntry LISTED = new ListEntry("EL:1", "Entity List (EL)", "Entity",
            "Northwind Quantum Computing Co., Ltd.", List.of(), "", "", List.of("CN"));

    private final MemorySubjects subjects = new MemorySubjects();
    private final List<Object> sent = new ArrayList<>();
    private final SystemCommands commands = (list, correlationId, causationId) -> {
        sent.addAll(list);
        return list.size();
    };
    private final RestrictedPartyScreening screening = new RestrictedPartyScreening(
            new ScreeningIndex(List.of(LISTED), new NameNormalizer()), 0.9);
    private final ActiveScreening active = new ActiveScreening() {
        @Override
        public Optional<RestrictedPartyScreening> current() {
            return Optional.of(screening);
        }

        @Override
        public void ensureLoaded(String importId) {
        }
    };
    private final ExportControlReactor reactor = new ExportControlReactor(active, subjects, new NoOwners(),
            new OwnershipCalculator(Set.of("CN", "RU")), commands);

    private List<RecordViolationCommand> violations() {
        return sent.stream().filter(RecordViolationCommand.class::isInstance).map(RecordViolationCommand.class::cast).toList();
    }

    @Test
    void a_registration_in_an_unsupported_region_for_a_listed_firm_records_both_findings() {
        reactor.on(new AccountRegisteredEvent("acct-1", "Nortwind Quantum Computing", null, "RU", Tier.PRO), AT, "e1", "c1");

        assertThat(violations()).extracting(RecordViolationCommand::policy)
                .containsExactlyInAnyOrder("UNSUPPORTED_REGION", "RESTRICTED_PARTY");
        RecordViolationCommand party = violations().stream().filter(v -> v.policy().equals("RESTRICTED_PARTY")).findFirst().orElseThrow();
        assertThat(party.category()).isEqualTo(ViolationCategory.EXPORT_CONTROL);
        assertThat(party.evidence().summary()).contains("EL:1").contains("Northwind Quantum Computing Co., Ltd.");
        assertThat(party.evidence().confidence()).isBetween(0.9, 1.0);
        assertThat(party.detectedAt()).isEqualTo(AT);
    }

    @Test
    void screening_the_same_account_again_derives_the_same_violation_ids() {
        reactor.on(new AccountRegisteredEvent("acct-1", "Northwind Quantum Computing", null, "SG", Tier.PRO), AT, "e1", "c1");
        int first = sent.size();
        assertThat(first).isEqualTo(1);
        reactor.rescreenAll(AT.plusSeconds(60), "c2", "e2");

        assertThat(sent).hasSize(first * 2);
        assertThat(violations().get(0).violationId()).isEqualTo(violations().get(first).violationId());
        assertThat(violations().get(0).violationId())
                .isEqualTo(ExportControlViolations.restrictedPartyId("acct-1", "EL:1"));
    }

    @Test
    void traffic_from_an_unsupported_region_is_one_finding_per_account_and_country() {
        for (int i = 0; i < 3; i++) {
            reactor.on(violation("acct-1", "v" + i, ViolationCategory.USAGE_POLICY, "DISTILLATION", "CN"), AT, "e" + i, "c");
        }
        reactor.on(violation("acct-1", "v9", ViolationCategory.USAGE_POLICY, "DISTILLATION", "RU"), AT, "e9", "c");
        reactor.on(violation("acct-1", "v10", ViolationCategory.USAGE_POLICY, "DISTILLATION", "US"), AT, "e10", "c");

        assertThat(violations()).extracting(v -> v.evidence().sourceCountry()).containsExactly("CN", "RU");
    }

    @Test
    void a_violation_that_already_reports_an_unsupported_region_produces_no_second_one() {
        reactor.on(violation("acct-1", "v1", ViolationCategory.EXPORT_CONTROL, "UNSUPPORTED_REGION", "CN"), AT, "e1", "c");

        assertThat(sent).isEmpty();
    }

    @Test
    void a_restricted_organization_gives_each_of_its_accounts_and_later_registrations_one_foreign_control_violation() {
        subjects.subjectRegistered(new ScreeningSubjects.Subject("acct-1", "Target GmbH", "target", "DE"));
        List<List<String>> paths = List.of(List.of("parent", "target"));
        subjects.controlAssessed(new ScreeningSubjects.Control("target", true, 1, paths, 60.0));

        reactor.on(new OrganizationRestrictedEvent("target", 60.0, paths, 1), AT, "e1", "c");
        reactor.on(new AccountRegisteredEvent("acct-2", "Target GmbH", "target", "DE", Tier.FREE), AT, "e2", "c");

        assertThat(violations()).extracting(RecordViolationCommand::accountId).containsExactly("acct-1", "acct-2");
        assertThat(violations()).allSatisfy(v -> {
            assertThat(v.policy()).isEqualTo("FOREIGN_CONTROL");
            assertThat(v.evidence().summary()).contains("parent > target").contains("60.00%");
        });
    }

    private static ViolationRecordedEvent violation(String account, String id, ViolationCategory category, String policy,
                                                    String country) {
        return new ViolationRecordedEvent(account, id, category, policy, Severity.HIGH, AT,
                new Evidence("geo", "traffic", null, null, country));
    }

    private static final class NoOwners implements OwnershipRegistry {
        @Override
        public Optional<String> headquartersOf(String organizationId) {
            return Optional.empty();
        }

        @Override
        public Map<String, BigDecimal> ownersOf(String organizationId) {
            return Map.of();
        }

        @Override
        public Set<String> holdingsOf(String ownerOrganizationId) {
            return Set.of();
        }

        @Override
        public void organizationRegistered(String organizationId, String name, String headquartersCountry) {
        }

        @Override
        public void stakeChanged(String organizationId, String ownerOrganizationId, BigDecimal percent) {
        }
    }

    private static final class MemorySubjects implements ScreeningSubjects {
        private final Map<String, Subject> subjects = new LinkedHashMap<>();
        private final Map<String, Control> controls = new LinkedHashMap<>();

        @Override
        public void subjectRegistered(Subject subject) {
            subjects.putIfAbsent(subject.accountId(), subject);
        }

        @Override
        public Optional<Subject> subject(String accountId) {
            return Optional.ofNullable(subjects.get(accountId));
        }

        @Override
        public List<Subject> subjectsAfter(String afterAccountId, int limit) {
            return subjects.values().stream().filter(s -> afterAccountId == null || s.accountId().compareTo(afterAccountId) > 0)
                    .sorted(java.util.Comparator.comparing(Subject::accountId)).limit(limit).toList();
        }

        @Override
        public List<Subject> subjectsOf(String organizationId) {
            return subjects.values().stream().filter(s -> organizationId.equals(s.organizationId())).toList();
        }

        @Override
        public void controlAssessed(Control control) {
            controls.put(control.organizationId(), control);
        }

        @Override
        public Optional<Control> control(String organizationId) {
            return Optional.ofNullable(controls.get(organizationId));
        }
    }
}
