package io.warden.command.rules;

import io.warden.api.events.ViolationRecordedEvent;
import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlaggingRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final FlaggingRule BURST = new FlaggingRule("high-usage-burst", ViolationCategory.USAGE_POLICY,
            Severity.HIGH, 3, Duration.ofHours(24));
    private static final FlaggingRule EXPORT = new FlaggingRule("critical-export-control",
            ViolationCategory.EXPORT_CONTROL, Severity.CRITICAL, 1, null);

    private InMemoryRuleState state;
    private FlaggingRules rules;

    @BeforeEach
    void setUp() {
        state = new InMemoryRuleState();
        rules = new FlaggingRules(List.of(BURST, EXPORT), state);
    }

    private static ViolationRecordedEvent usage(String id, Severity severity, Instant detectedAt) {
        return new ViolationRecordedEvent("acc-1", id, ViolationCategory.USAGE_POLICY, "DISTILLATION", severity,
                detectedAt, null);
    }

    @Test
    void three_high_usage_violations_within_a_day_fire_the_burst_rule_citing_them() {
        assertThat(rules.onViolation(usage("v-1", Severity.HIGH, T0))).isEmpty();
        assertThat(rules.onViolation(usage("v-2", Severity.CRITICAL, T0.plus(Duration.ofHours(5))))).isEmpty();
        assertThat(rules.onViolation(usage("v-3", Severity.HIGH, T0.plus(Duration.ofHours(23)))))
                .containsExactly(new RuleDecision("high-usage-burst", "acc-1", List.of("v-1", "v-2", "v-3")));
    }

    @Test
    void violations_spread_over_more_than_the_window_do_not_fire() {
        rules.onViolation(usage("v-1", Severity.HIGH, T0));
        rules.onViolation(usage("v-2", Severity.HIGH, T0.plus(Duration.ofHours(13))));
        assertThat(rules.onViolation(usage("v-3", Severity.HIGH, T0.plus(Duration.ofHours(25))))).isEmpty();
    }

    @Test
    void the_window_is_measured_on_detection_time_so_a_late_report_of_an_earlier_violation_counts() {
        rules.onViolation(usage("v-2", Severity.HIGH, T0.plus(Duration.ofHours(2))));
        rules.onViolation(usage("v-3", Severity.HIGH, T0.plus(Duration.ofHours(3))));
        assertThat(rules.onViolation(usage("v-1", Severity.HIGH, T0)))
                .extracting(RuleDecision::violationIds)
                .containsExactly(List.of("v-1", "v-2", "v-3"));
    }

    @Test
    void violations_below_the_minimum_severity_do_not_count() {
        rules.onViolation(usage("v-1", Severity.HIGH, T0));
        rules.onViolation(usage("v-2", Severity.MEDIUM, T0.plusSeconds(1)));
        assertThat(rules.onViolation(usage("v-3", Severity.HIGH, T0.plusSeconds(2)))).isEmpty();
    }

    @Test
    void a_redelivered_violation_fires_nothing_again() {
        rules.onViolation(usage("v-1", Severity.HIGH, T0));
        rules.onViolation(usage("v-2", Severity.HIGH, T0.plusSeconds(1)));
        assertThat(rules.onViolation(usage("v-3", Severity.HIGH, T0.plusSeconds(2)))).hasSize(1);
        assertThat(rules.onViolation(usage("v-3", Severity.HIGH, T0.plusSeconds(2)))).isEmpty();
    }

    @Test
    void any_critical_export_control_violation_fires_its_rule_at_once() {
        ViolationRecordedEvent ec = new ViolationRecordedEvent("acc-2", "ec-1", ViolationCategory.EXPORT_CONTROL,
                "RESTRICTED_PARTY", Severity.CRITICAL, T0, null);
        assertThat(rules.onViolation(ec))
                .containsExactly(new RuleDecision("critical-export-control", "acc-2", List.of("ec-1")));
    }

    @Test
    void a_high_export_control_violation_does_not_fire_the_critical_rule() {
        ViolationRecordedEvent ec = new ViolationRecordedEvent("acc-2", "ec-1", ViolationCategory.EXPORT_CONTROL,
                "RESTRICTED_PARTY", Severity.HIGH, T0, null);
        assertThat(rules.onViolation(ec)).isEmpty();
    }

    @Test
    void rules_need_unique_names_and_sensible_thresholds() {
        assertThatThrownBy(() -> new FlaggingRules(List.of(BURST, BURST), state))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlaggingRule("x", ViolationCategory.USAGE_POLICY, Severity.HIGH, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlaggingRule("x", ViolationCategory.USAGE_POLICY, Severity.HIGH, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The state as lists, the way the JDBC implementation answers (any order). */
    static final class InMemoryRuleState implements RuleState {

        private record Seen(String rule, String accountId, String violationId, Instant detectedAt) {
        }

        private final List<Seen> seen = new ArrayList<>();
        private final Set<String> fired = new HashSet<>();

        @Override
        public void seen(String rule, String accountId, String violationId, Instant detectedAt) {
            if (seen.stream().noneMatch(s -> s.rule().equals(rule) && s.accountId().equals(accountId)
                    && s.violationId().equals(violationId))) {
                seen.add(0, new Seen(rule, accountId, violationId, detectedAt));
            }
        }

        @Override
        public List<SeenViolation> seenBetween(String rule, String accountId, Instant from, Instant to) {
            return seen.stream()
                    .filter(s -> s.rule().equals(rule) && s.accountId().equals(accountId)
                            && !s.detectedAt().isBefore(from) && !s.detectedAt().isAfter(to))
                    .map(s -> new SeenViolation(s.violationId(), s.detectedAt()))
                    .toList();
        }

        @Override
        public List<SeenViolation> seenAll(String rule, String accountId) {
            return seenBetween(rule, accountId, Instant.MIN, Instant.MAX);
        }

        @Override
        public boolean fired(String rule, String accountId, String triggeringViolationId) {
            return fired.add(rule + "\n" + accountId + "\n" + triggeringViolationId);
        }
    }
}
