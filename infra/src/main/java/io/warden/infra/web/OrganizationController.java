package io.warden.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.warden.api.queries.FindOrganizationQuery;
import io.warden.api.queries.OrganizationView;
import io.warden.command.common.CommandResult;
import io.warden.command.organization.RegisterOrganizationCommand;
import io.warden.command.organization.SetOwnershipStakeCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Organizations and their owners, for ownership-based export control. */
@RestController
@Validated
@RequestMapping("/api/v1/organizations")
@Tag(name = "Export controls")
public class OrganizationController {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;

    public OrganizationController(CommandSender commands, QueryGateway queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    public record OrganizationAnswer(String organizationId, long version) {
    }

    public record StakeAnswer(String organizationId, String ownerOrganizationId, BigDecimal percent, long version) {
    }

    @PostMapping
    @Operation(summary = "Register an organization (201); the same data again is 200, different data 409")
    public ResponseEntity<OrganizationAnswer> register(@Valid @RequestBody ExportControlRequests.RegisterOrganization body) {
        CommandResult result = commands.send(new RegisterOrganizationCommand(body.organizationId(), body.name(),
                body.headquartersCountry().toUpperCase(Locale.ROOT)), body);
        OrganizationAnswer answer = new OrganizationAnswer(body.organizationId(), result.version());
        return result.changed()
                ? ResponseEntity.created(URI.create("/api/v1/organizations/" + body.organizationId())).body(answer)
                : ResponseEntity.ok(answer);
    }

    @PutMapping("/{organizationId}/owners/{ownerOrganizationId}")
    @Operation(summary = "Set an owner's direct stake in percent (0 removes it); the owners' total may not exceed 100. "
            + "Effective control downstream is re-assessed in the background.")
    public StakeAnswer setStake(@PathVariable @Pattern(regexp = AccountRequests.ID) String organizationId,
                                @PathVariable @Pattern(regexp = AccountRequests.ID) String ownerOrganizationId,
                                @Valid @RequestBody ExportControlRequests.OwnershipStake body) {
        CommandResult result = commands.send(new SetOwnershipStakeCommand(organizationId, ownerOrganizationId,
                body.percent()), body);
        return new StakeAnswer(organizationId, ownerOrganizationId, body.percent(), result.version());
    }

    @GetMapping("/{organizationId}")
    @Operation(summary = "An organization with its owners, the effective share held from unsupported regions (percent), "
            + "whether it is restricted, and the control paths (controlling owner first)")
    public OrganizationView get(@PathVariable @Pattern(regexp = AccountRequests.ID) String organizationId,
                                @RequestParam(required = false) Long minVersion) {
        return readYourWrites.read("Organization " + organizationId, minVersion,
                () -> find(organizationId), OrganizationView::version);
    }

    private Optional<OrganizationView> find(String organizationId) {
        return queries.query(new FindOrganizationQuery(organizationId),
                ResponseTypes.optionalInstanceOf(OrganizationView.class)).join();
    }
}
