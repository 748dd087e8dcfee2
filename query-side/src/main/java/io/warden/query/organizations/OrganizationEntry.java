package io.warden.query.organizations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.List;

/** An organization and its assessed control, as analysts read it. */
@Entity
@Table(name = "organization_view")
class OrganizationEntry {

    @Id
    @Column(name = "organization_id")
    private String organizationId;
    @Column(name = "name", nullable = false)
    private String name;
    @Column(name = "headquarters_country", nullable = false)
    private String headquartersCountry;
    @Column(name = "unsupported_region_share", nullable = false)
    private double unsupportedRegionShare;
    @Column(name = "restricted", nullable = false)
    private boolean restricted;
    /** Ids joined by {@code >}, paths by {@code |}: neither character can occur in an id. */
    @Column(name = "control_paths", nullable = false)
    private String controlPaths;
    @Column(name = "version", nullable = false)
    private long version;

    protected OrganizationEntry() {
    }

    OrganizationEntry(String organizationId, String name, String headquartersCountry, long version) {
        this.organizationId = organizationId;
        this.name = name;
        this.headquartersCountry = headquartersCountry;
        this.controlPaths = "";
        this.version = version;
    }

    /** Applies an event of this organization once: a redelivered one (an older or equal version) changes nothing. */
    boolean isNewer(long eventVersion) {
        return eventVersion > version;
    }

    void stakesChanged(long eventVersion) {
        this.version = eventVersion;
    }

    void controlAssessed(double share, boolean restricted, List<List<String>> paths, long eventVersion) {
        this.unsupportedRegionShare = share;
        this.restricted = restricted;
        this.controlPaths = String.join("|", paths.stream().map(p -> String.join(">", p)).toList());
        this.version = eventVersion;
    }

    String organizationId() {
        return organizationId;
    }

    String name() {
        return name;
    }

    String headquartersCountry() {
        return headquartersCountry;
    }

    double unsupportedRegionShare() {
        return unsupportedRegionShare;
    }

    boolean restricted() {
        return restricted;
    }

    List<List<String>> controlPaths() {
        return controlPaths.isEmpty() ? List.of()
                : Arrays.stream(controlPaths.split("\\|")).map(p -> List.of(p.split(">"))).toList();
    }

    long version() {
        return version;
    }
}
