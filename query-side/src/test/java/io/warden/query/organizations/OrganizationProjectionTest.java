package io.warden.query.organizations;

import io.warden.api.events.OrganizationRegisteredEvent;
import io.warden.api.events.OrganizationRestrictedEvent;
import io.warden.api.events.OrganizationRestrictionEndedEvent;
import io.warden.api.events.OwnershipStakeChangedEvent;
import io.warden.api.events.UnsupportedRegionShareChangedEvent;
import io.warden.api.queries.FindOrganizationQuery;
import io.warden.api.queries.OrganizationView;
import io.warden.api.types.OwnerStake;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The organization read model, by calling the projection's handlers directly (repositories in memory). */
class OrganizationProjectionTest {

    private final Map<String, OrganizationEntry> organizationRows = new LinkedHashMap<>();
    private final Map<OrganizationOwnerEntry.Key, OrganizationOwnerEntry> ownerRows = new LinkedHashMap<>();
    private final OrganizationRepository organizations = repository(OrganizationRepository.class, organizationRows,
            e -> ((OrganizationEntry) e).organizationId());
    private final OrganizationOwnerRepository owners = repository(OrganizationOwnerRepository.class, ownerRows, null);
    private final OrganizationProjection projection = new OrganizationProjection(organizations, owners);
    private final OrganizationQueries queries = new OrganizationQueries(organizations, owners);

    private static final List<List<String>> PATHS = List.of(List.of("parent", "first", "target"),
            List.of("parent", "second", "target"));

    private OrganizationView view() {
        return queries.handle(new FindOrganizationQuery("target")).orElseThrow();
    }

    @Test
    void an_organization_shows_its_owners_share_restriction_and_paths() {
        projection.on(new OrganizationRegisteredEvent("target", "Target GmbH", "DE"), 0);
        projection.on(new OwnershipStakeChangedEvent("target", "first", "SG", new BigDecimal("40"), BigDecimal.ZERO), 1);
        projection.on(new OwnershipStakeChangedEvent("target", "second", "NL", new BigDecimal("40"), BigDecimal.ZERO), 2);
        projection.on(new OrganizationRestrictedEvent("target", 56.0, PATHS, 1), 3);

        OrganizationView view = view();

        assertThat(view.owners()).containsExactly(new OwnerStake("first", new BigDecimal("40")),
                new OwnerStake("second", new BigDecimal("40")));
        assertThat(view.unsupportedRegionShare()).isEqualTo(56.0);
        assertThat(view.restricted()).isTrue();
        assertThat(view.controlPaths()).isEqualTo(PATHS);
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        projection.on(new OrganizationRegisteredEvent("target", "Target GmbH", "DE"), 0);
        projection.on(new OwnershipStakeChangedEvent("target", "first", "SG", new BigDecimal("60"), BigDecimal.ZERO), 1);
        projection.on(new OrganizationRestrictedEvent("target", 60.0, List.of(List.of("first", "target")), 1), 2);
        projection.on(new OrganizationRestrictionEndedEvent("target", 20.0, List.of(List.of("first", "target")), 1), 3);

        projection.on(new OwnershipStakeChangedEvent("target", "first", "SG", new BigDecimal("60"), BigDecimal.ZERO), 1);
        projection.on(new OrganizationRestrictedEvent("target", 60.0, List.of(List.of("first", "target")), 1), 2);
        projection.on(new OrganizationRegisteredEvent("target", "Target GmbH", "DE"), 0);

        assertThat(view().restricted()).isFalse();
        assertThat(view().unsupportedRegionShare()).isEqualTo(20.0);
        assertThat(view().version()).isEqualTo(3);
    }

    @Test
    void a_stake_of_zero_removes_the_owner_and_a_moved_share_is_shown() {
        projection.on(new OrganizationRegisteredEvent("target", "Target GmbH", "DE"), 0);
        projection.on(new OwnershipStakeChangedEvent("target", "first", "SG", new BigDecimal("30"), BigDecimal.ZERO), 1);
        projection.on(new UnsupportedRegionShareChangedEvent("target", 30.0, List.of(List.of("first", "target")), false), 2);
        projection.on(new OwnershipStakeChangedEvent("target", "first", "SG", BigDecimal.ZERO, new BigDecimal("30")), 3);
        projection.on(new UnsupportedRegionShareChangedEvent("target", 0.0, List.of(), false), 4);

        assertThat(view().owners()).isEmpty();
        assertThat(view().unsupportedRegionShare()).isZero();
        assertThat(view().controlPaths()).isEmpty();
    }

    @Test
    void a_reset_empties_the_read_model() {
        projection.on(new OrganizationRegisteredEvent("target", "Target GmbH", "DE"), 0);
        projection.on(new OwnershipStakeChangedEvent("target", "first", "SG", new BigDecimal("30"), BigDecimal.ZERO), 1);

        projection.reset();

        assertThat(queries.handle(new FindOrganizationQuery("target"))).isEmpty();
        assertThat(ownerRows).isEmpty();
    }

    /** The few repository methods the projection and its queries use, over a map. */
    @SuppressWarnings("unchecked")
    private static <R, K, E> R repository(Class<R> type, Map<K, E> rows, java.util.function.Function<Object, K> idOf) {
        return (R) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "findById":
                    return Optional.ofNullable(rows.get((K) args[0]));
                case "existsById":
                    return rows.containsKey((K) args[0]);
                case "save": {
                    K key = idOf != null ? idOf.apply(args[0]) : (K) keyOf((OrganizationOwnerEntry) args[0]);
                    rows.put(key, (E) args[0]);
                    return args[0];
                }
                case "deleteById":
                    rows.remove((K) args[0]);
                    return null;
                case "deleteAllInBatch":
                    rows.clear();
                    return null;
                case "findByOrganizationIdOrderByOwnerOrganizationId":
                    return rows.entrySet().stream()
                            .filter(e -> ((OrganizationOwnerEntry.Key) e.getKey()).organizationId().equals(args[0]))
                            .map(Map.Entry::getValue)
                            .sorted(Comparator.comparing(o -> ((OrganizationOwnerEntry) o).ownerOrganizationId()))
                            .toList();
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return type.getSimpleName() + " in memory";
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    private static OrganizationOwnerEntry.Key keyOf(OrganizationOwnerEntry entry) {
        try {
            java.lang.reflect.Field field = OrganizationOwnerEntry.class.getDeclaredField("organizationId");
            field.setAccessible(true);
            return new OrganizationOwnerEntry.Key((String) field.get(entry), entry.ownerOrganizationId());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
