package io.warden.command.organization;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.warden.api.events.OrganizationRegisteredEvent;
import io.warden.api.events.OrganizationRestrictedEvent;
import io.warden.api.events.OrganizationRestrictionEndedEvent;
import io.warden.api.events.OwnershipStakeChangedEvent;
import io.warden.api.events.UnsupportedRegionShareChangedEvent;
import io.warden.command.common.CommandRefusedException;
import io.warden.command.common.CommandResult;
import io.warden.command.common.InvalidCommandException;
import io.warden.command.common.Require;
import io.warden.command.common.UnknownResourceException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organization, its direct owners, and its assessed control from unsupported regions. The stakes are checked
 * here (at most 100% in total); the effective share needs the whole ownership graph and arrives as an assessment
 * ({@link AssessForeignControlCommand}), which this aggregate turns into the events that matter: the share changed,
 * the organization became restricted, or its restriction ended.
 */
@Aggregate(cache = "wardenAggregateCache")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class Organization {

    private static final ForeignControlPolicy CONTROL = new ForeignControlPolicy();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String organizationId;
    private String name;
    private String headquartersCountry;
    private Map<String, BigDecimal> owners = new HashMap<>();
    private double share;
    private List<List<String>> controlPaths = List.of();
    private boolean restricted;
    private int restrictions;

    Organization() {
        // for Axon and Jackson
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandResult handle(RegisterOrganizationCommand command) {
        String country = Require.text(command.headquartersCountry(), "headquartersCountry").toUpperCase(Locale.ROOT);
        if (organizationId != null) {
            if (Objects.equals(name, command.name()) && Objects.equals(headquartersCountry, country)) {
                return CommandResult.unchanged(organizationId, version(), null);
            }
            throw new CommandRefusedException("Organization " + organizationId + " is already registered as \"" + name
                    + "\" headquartered in " + headquartersCountry + "; an organization cannot be registered again "
                    + "with other data");
        }
        Require.text(command.organizationId(), "organizationId");
        Require.text(command.name(), "name");
        apply(new OrganizationRegisteredEvent(command.organizationId(), command.name().trim(), country));
        return CommandResult.changed(organizationId, version(), null);
    }

    @CommandHandler
    CommandResult handle(SetOwnershipStakeCommand command, OwnershipRegistry registry) {
        String owner = Require.text(command.ownerOrganizationId(), "ownerOrganizationId");
        BigDecimal percent = Require.present(command.percent(), "percent");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new InvalidCommandException("percent must be between 0 (removes the stake) and 100, not "
                    + percent.toPlainString());
        }
        if (owner.equals(organizationId)) {
            throw new InvalidCommandException("Organization " + organizationId + " cannot hold a stake in itself");
        }
        String ownerCountry = registry.headquartersOf(owner).orElseThrow(() -> new UnknownResourceException(
                "No organization with id '" + owner + "' exists; register the owner before its stake"));
        BigDecimal previous = owners.getOrDefault(owner, BigDecimal.ZERO);
        if (previous.compareTo(percent) == 0) {
            return CommandResult.unchanged(owner, version(), null);
        }
        BigDecimal others = owners.entrySet().stream().filter(e -> !e.getKey().equals(owner))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (others.add(percent).compareTo(HUNDRED) > 0) {
            throw new CommandRefusedException("Organization " + organizationId + " is already " + others.toPlainString()
                    + "% owned by others, so " + owner + " can hold at most " + HUNDRED.subtract(others).toPlainString()
                    + "%, not " + percent.toPlainString() + "%; reduce another stake first");
        }
        apply(new OwnershipStakeChangedEvent(organizationId, owner, ownerCountry, percent, previous));
        return CommandResult.changed(owner, version(), null);
    }

    @CommandHandler
    CommandResult handle(AssessForeignControlCommand command) {
        List<List<String>> paths = command.controlPaths() == null ? List.of() : copy(command.controlPaths());
        boolean controlled = CONTROL.isControlled(command.share());
        if (controlled && !restricted) {
            apply(new OrganizationRestrictedEvent(organizationId, command.share(), paths, restrictions + 1));
        } else if (!controlled && restricted) {
            apply(new OrganizationRestrictionEndedEvent(organizationId, command.share(), paths, restrictions));
        } else if (Double.compare(command.share(), share) != 0 || !paths.equals(controlPaths)) {
            apply(new UnsupportedRegionShareChangedEvent(organizationId, command.share(), paths, restricted));
        } else {
            return CommandResult.unchanged(organizationId, version(), restricted ? "RESTRICTED" : "UNRESTRICTED");
        }
        return CommandResult.changed(organizationId, version(), restricted ? "RESTRICTED" : "UNRESTRICTED");
    }

    private static List<List<String>> copy(List<List<String>> paths) {
        List<List<String>> copy = new ArrayList<>(paths.size());
        paths.forEach(p -> copy.add(List.copyOf(p)));
        return List.copyOf(copy);
    }

    private static long version() {
        return Objects.requireNonNull(AggregateLifecycle.getVersion(), "an existing organization always has a version");
    }

    // ---- event sourcing: assignment only

    @EventSourcingHandler
    void on(OrganizationRegisteredEvent event) {
        organizationId = event.organizationId();
        name = event.name();
        headquartersCountry = event.headquartersCountry();
    }

    @EventSourcingHandler
    void on(OwnershipStakeChangedEvent event) {
        if (event.percent().signum() == 0) {
            owners.remove(event.ownerOrganizationId());
        } else {
            owners.put(event.ownerOrganizationId(), event.percent());
        }
    }

    @EventSourcingHandler
    void on(UnsupportedRegionShareChangedEvent event) {
        share = event.share();
        controlPaths = event.controlPaths();
    }

    @EventSourcingHandler
    void on(OrganizationRestrictedEvent event) {
        share = event.share();
        controlPaths = event.controlPaths();
        restricted = true;
        restrictions = event.restriction();
    }

    @EventSourcingHandler
    void on(OrganizationRestrictionEndedEvent event) {
        share = event.share();
        controlPaths = event.controlPaths();
        restricted = false;
    }
}
