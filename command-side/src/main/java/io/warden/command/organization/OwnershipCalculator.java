package io.warden.command.organization;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The effective share of an organization held by organizations headquartered in unsupported regions.
 * <p>
 * Every ownership path is walked upwards from the organization: stakes multiply along a path and paths add up. A
 * path ends at the first owner headquartered in an unsupported region, because what that owner is owned by is
 * already inside its own stake (counting its parent as well would count the same control twice). A path never
 * visits an organization twice, which is how cycles (A owns B owns A) are tolerated, and it is at most
 * {@value #MAX_DEPTH} stakes long; the share is capped at 100%.
 */
public final class OwnershipCalculator {

    static final int MAX_DEPTH = 12;
    /** Guards against graphs dense enough to make path enumeration explode; real ownership charts are far smaller. */
    static final int MAX_PATHS = 10_000;

    private final Set<String> unsupportedRegions;

    public OwnershipCalculator(Set<String> unsupportedRegions) {
        Set<String> upper = new LinkedHashSet<>();
        unsupportedRegions.forEach(r -> upper.add(r.trim().toUpperCase(Locale.ROOT)));
        this.unsupportedRegions = Set.copyOf(upper);
    }

    /** @param share percent; each path runs from the controlling owner down to {@code organizationId} */
    public record Assessment(String organizationId, double share, List<List<String>> controlPaths) {
    }

    public Assessment assess(String organizationId, OwnershipRegistry registry) {
        Map<String, Map<String, BigDecimal>> owners = new HashMap<>();
        Map<String, Optional<String>> headquarters = new HashMap<>();
        List<Contribution> contributions = new ArrayList<>();
        Deque<String> path = new ArrayDeque<>();
        path.push(organizationId);
        walk(organizationId, 1.0, path, registry, owners, headquarters, contributions);
        double share = Math.min(100.0, contributions.stream().mapToDouble(Contribution::fraction).sum() * 100.0);
        List<List<String>> paths = contributions.stream()
                .sorted(Comparator.comparingDouble(Contribution::fraction).reversed()
                        .thenComparing(c -> String.join(">", c.path())))
                .map(Contribution::path).toList();
        return new Assessment(organizationId, round(share), paths);
    }

    /** The organization and everything it holds, directly or through others: whose share a change of its stakes moves. */
    public Set<String> downstreamOf(String organizationId, OwnershipRegistry registry) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(organizationId);
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (seen.add(next)) {
                queue.addAll(registry.holdingsOf(next));
            }
        }
        return seen;
    }

    public boolean isUnsupported(String country) {
        return country != null && unsupportedRegions.contains(country.toUpperCase(Locale.ROOT));
    }

    private void walk(String node, double fraction, Deque<String> path, OwnershipRegistry registry,
                      Map<String, Map<String, BigDecimal>> owners, Map<String, Optional<String>> headquarters,
                      List<Contribution> contributions) {
        if (contributions.size() >= MAX_PATHS) {
            return;
        }
        Map<String, BigDecimal> direct = owners.computeIfAbsent(node, registry::ownersOf);
        for (Map.Entry<String, BigDecimal> stake : direct.entrySet()) {
            String owner = stake.getKey();
            if (path.contains(owner)) {
                continue;
            }
            double through = fraction * stake.getValue().doubleValue() / 100.0;
            if (through <= 0) {
                continue;
            }
            Optional<String> hq = headquarters.computeIfAbsent(owner, registry::headquartersOf);
            if (hq.isPresent() && isUnsupported(hq.get())) {
                // the deque iterates from the most recent (the owner side) down to the organization
                List<String> ordered = new ArrayList<>();
                ordered.add(owner);
                ordered.addAll(path);
                contributions.add(new Contribution(List.copyOf(ordered), through));
            } else if (path.size() < MAX_DEPTH) {
                path.push(owner);
                walk(owner, through, path, registry, owners, headquarters, contributions);
                path.pop();
            }
        }
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }

    private record Contribution(List<String> path, double fraction) {
    }
}
