package io.warden.query.organizations;

import io.warden.api.queries.FindOrganizationQuery;
import io.warden.api.queries.OrganizationView;
import io.warden.api.types.OwnerStake;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers organization reads from {@code organization_view} and {@code organization_owner_view} only. */
@Component
class OrganizationQueries {

    private final OrganizationRepository organizations;
    private final OrganizationOwnerRepository owners;

    OrganizationQueries(OrganizationRepository organizations, OrganizationOwnerRepository owners) {
        this.organizations = organizations;
        this.owners = owners;
    }

    @QueryHandler
    public Optional<OrganizationView> handle(FindOrganizationQuery query) {
        return organizations.findById(query.organizationId()).map(o -> new OrganizationView(o.organizationId(), o.name(),
                o.headquartersCountry(),
                owners.findByOrganizationIdOrderByOwnerOrganizationId(o.organizationId()).stream()
                        .map(s -> new OwnerStake(s.ownerOrganizationId(), plain(s.percent()))).toList(),
                o.unsupportedRegionShare(), o.restricted(), o.controlPaths(), o.version()));
    }

    /** 40.0000 from the numeric column is shown as 40, and 12.5000 as 12.5 (never as 4E+1). */
    private static java.math.BigDecimal plain(java.math.BigDecimal percent) {
        java.math.BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
