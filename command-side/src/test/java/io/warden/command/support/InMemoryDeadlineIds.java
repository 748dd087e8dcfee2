package io.warden.command.support;

import io.warden.command.deadline.DeadlineIds;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Deadline ids in a map, for fixture tests; the JDBC implementation runs in the integration tests. */
public final class InMemoryDeadlineIds implements DeadlineIds {

    private final Map<String, String> ids = new HashMap<>();

    @Override
    public void remember(String key, String scheduleId) {
        ids.put(key, scheduleId);
    }

    @Override
    public Optional<String> forget(String key) {
        return Optional.ofNullable(ids.remove(key));
    }

    public boolean holds(String key) {
        return ids.containsKey(key);
    }
}
