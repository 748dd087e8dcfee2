package io.warden.infra.workflow;

import io.warden.command.deadline.DeadlineIds;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

/** {@link DeadlineIds} on {@code deadline_schedule} (V85), on the connection of the current transaction. */
class JdbcDeadlineIds implements DeadlineIds {

    private final JdbcTemplate jdbc;

    JdbcDeadlineIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void remember(String key, String scheduleId) {
        jdbc.update("""
                insert into deadline_schedule (deadline_key, schedule_id) values (?, ?)
                on conflict (deadline_key) do update set schedule_id = excluded.schedule_id
                """, key, scheduleId);
    }

    @Override
    public Optional<String> forget(String key) {
        return jdbc.queryForList("delete from deadline_schedule where deadline_key = ? returning schedule_id",
                String.class, key).stream().findFirst();
    }
}
