package io.warden.infra.workflow;

import io.warden.api.types.Severity;
import io.warden.api.types.ViolationCategory;
import io.warden.command.rules.FlaggingRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/** Configuration of the deadlines, SLAs and automatic flagging rules (README, "Deadlines", "Automatic flagging rules"). */
final class WorkflowProperties {

    private WorkflowProperties() {
    }

    /** The same properties the dashboard reads for its SLA figures. */
    @ConfigurationProperties("warden.sla")
    record Sla(@DefaultValue("4h") Duration critical, @DefaultValue("24h") Duration high,
               @DefaultValue("72h") Duration medium, @DefaultValue("7d") Duration low) {
    }

    /**
     * @param pollingInterval how often an instance looks for due deadlines (a deadline fires at most this late)
     * @param threads         deadlines executed at once by one instance
     */
    @ConfigurationProperties("warden.deadlines")
    record Deadlines(@DefaultValue("2s") Duration pollingInterval, @DefaultValue("2") int threads,
                     @DefaultValue("10s") Duration shutdownMaxWait) {
    }

    /**
     * @param enabled  false turns every flagging rule off
     * @param flagging the rules; when none are configured, {@link #DEFAULT_RULES}
     */
    @ConfigurationProperties("warden.rules")
    record Rules(@DefaultValue("true") boolean enabled, List<Rule> flagging) {

        List<FlaggingRule> effective() {
            if (!enabled) {
                return List.of();
            }
            if (flagging == null || flagging.isEmpty()) {
                return DEFAULT_RULES;
            }
            return flagging.stream().map(Rule::toRule).toList();
        }
    }

    record Rule(String name, ViolationCategory category, Severity minSeverity, @DefaultValue("1") int count,
                Duration within) {

        FlaggingRule toRule() {
            return new FlaggingRule(name, category, minSeverity, count, within);
        }
    }

    static final List<FlaggingRule> DEFAULT_RULES = List.of(
            new FlaggingRule("high-usage-burst", ViolationCategory.USAGE_POLICY, Severity.HIGH, 3, Duration.ofHours(24)),
            new FlaggingRule("critical-export-control", ViolationCategory.EXPORT_CONTROL, Severity.CRITICAL, 1, null));
}
