package io.warden.infra.exportcontrol;

import io.warden.command.organization.OwnershipRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link OwnershipRegistry} on migration V70's tables. */
public class JdbcOwnershipRegistry implements OwnershipRegistry {

    private final JdbcTemplate jdbc;

    public JdbcOwnershipRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> headquartersOf(String organizationId) {
        return jdbc.queryForList("select headquarters_country from export_organization where organization_id = ?",
                String.class, organizationId).stream().findFirst();
    }

    @Override
    public Map<String, BigDecimal> ownersOf(String organizationId) {
        Map<String, BigDecimal> owners = new LinkedHashMap<>();
        jdbc.query("""
                select owner_organization_id, percent from export_ownership_stake
                where organization_id = ? order by owner_organization_id""",
                row -> {
                    owners.put(row.getString(1), row.getBigDecimal(2));
                }, organizationId);
        return owners;
    }

    @Override
    public Set<String> holdingsOf(String ownerOrganizationId) {
        return new LinkedHashSet<>(jdbc.queryForList("""
                select organization_id from export_ownership_stake where owner_organization_id = ?
                order by organization_id""", String.class, ownerOrganizationId));
    }

    @Override
    public void organizationRegistered(String organizationId, String name, String headquartersCountry) {
        jdbc.update("""
                insert into export_organization (organization_id, name, headquarters_country) values (?, ?, ?)
                on conflict do nothing""", organizationId, name, headquartersCountry);
    }

    @Override
    public void stakeChanged(String organizationId, String ownerOrganizationId, BigDecimal percent) {
        if (percent.signum() == 0) {
            jdbc.update("delete from export_ownership_stake where organization_id = ? and owner_organization_id = ?",
                    organizationId, ownerOrganizationId);
            return;
        }
        jdbc.update("""
                insert into export_ownership_stake (organization_id, owner_organization_id, percent) values (?, ?, ?)
                on conflict (organization_id, owner_organization_id) do update set percent = excluded.percent""",
                organizationId, ownerOrganizationId, percent);
    }
}
