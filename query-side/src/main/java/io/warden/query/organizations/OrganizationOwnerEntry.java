package io.warden.query.organizations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;

/** A direct stake of one organization in another. */
@Entity
@Table(name = "organization_owner_view")
@IdClass(OrganizationOwnerEntry.Key.class)
class OrganizationOwnerEntry {

    @Id
    @Column(name = "organization_id")
    private String organizationId;
    @Id
    @Column(name = "owner_organization_id")
    private String ownerOrganizationId;
    @Column(name = "percent", nullable = false, precision = 9, scale = 4)
    private BigDecimal percent;

    protected OrganizationOwnerEntry() {
    }

    OrganizationOwnerEntry(String organizationId, String ownerOrganizationId, BigDecimal percent) {
        this.organizationId = organizationId;
        this.ownerOrganizationId = ownerOrganizationId;
        this.percent = percent;
    }

    void changeTo(BigDecimal percent) {
        this.percent = percent;
    }

    String ownerOrganizationId() {
        return ownerOrganizationId;
    }

    BigDecimal percent() {
        return percent;
    }

    record Key(String organizationId, String ownerOrganizationId) implements Serializable {
    }
}
