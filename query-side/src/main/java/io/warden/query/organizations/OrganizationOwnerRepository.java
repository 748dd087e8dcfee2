package io.warden.query.organizations;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface OrganizationOwnerRepository extends JpaRepository<OrganizationOwnerEntry, OrganizationOwnerEntry.Key> {

    List<OrganizationOwnerEntry> findByOrganizationIdOrderByOwnerOrganizationId(String organizationId);
}
