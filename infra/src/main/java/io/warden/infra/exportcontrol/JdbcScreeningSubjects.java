package io.warden.infra.exportcontrol;

import io.warden.command.exportcontrol.ScreeningSubjects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;
import java.util.Optional;

/** {@link ScreeningSubjects} on migration V70's tables. */
public class JdbcScreeningSubjects implements ScreeningSubjects {

    private static final RowMapper<Subject> SUBJECT = (row, n) -> new Subject(row.getString(1), row.getString(2),
            row.getString(3), row.getString(4));
    private final JdbcTemplate jdbc;

    public JdbcScreeningSubjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void subjectRegistered(Subject subject) {
        jdbc.update("""
                insert into screening_subject (account_id, organization, organization_id, country) values (?, ?, ?, ?)
                on conflict do nothing""", subject.accountId(), subject.organization(), subject.organizationId(),
                subject.country());
    }

    @Override
    public Optional<Subject> subject(String accountId) {
        return jdbc.query("select account_id, organization, organization_id, country from screening_subject where account_id = ?",
                SUBJECT, accountId).stream().findFirst();
    }

    @Override
    public List<Subject> subjectsAfter(String afterAccountId, int limit) {
        if (afterAccountId == null) {
            return jdbc.query("""
                    select account_id, organization, organization_id, country from screening_subject
                    order by account_id limit ?""", SUBJECT, limit);
        }
        return jdbc.query("""
                select account_id, organization, organization_id, country from screening_subject
                where account_id > ? order by account_id limit ?""", SUBJECT, afterAccountId, limit);
    }

    @Override
    public List<Subject> subjectsOf(String organizationId) {
        return jdbc.query("""
                select account_id, organization, organization_id, country from screening_subject
                where organization_id = ? order by account_id""", SUBJECT, organizationId);
    }

    @Override
    public void controlAssessed(Control control) {
        jdbc.update("""
                insert into export_organization_control (organization_id, restricted, restriction, share, control_paths)
                values (?, ?, ?, ?, ?)
                on conflict (organization_id) do update set restricted = excluded.restricted,
                    restriction = excluded.restriction, share = excluded.share, control_paths = excluded.control_paths""",
                control.organizationId(), control.restricted(), control.restriction(), control.share(),
                ControlPaths.encode(control.controlPaths()));
    }

    @Override
    public Optional<Control> control(String organizationId) {
        return jdbc.query("""
                select organization_id, restricted, restriction, control_paths, share
                from export_organization_control where organization_id = ?""", (row, n) -> new Control(
                row.getString(1), row.getBoolean(2), row.getInt(3), ControlPaths.decode(row.getString(4)),
                row.getDouble(5)), organizationId).stream().findFirst();
    }
}
