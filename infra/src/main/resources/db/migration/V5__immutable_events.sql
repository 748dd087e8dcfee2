-- A stored event is never changed or removed, not even by hand: UPDATE, DELETE and TRUNCATE of the event table
-- fail in the database itself. Snapshots stay deletable (Axon prunes superseded ones); they are derived data.

create function refuse_event_modification() returns trigger
    language plpgsql as
$$
begin
    raise exception 'stored events are immutable'
        using errcode = 'integrity_constraint_violation',
              detail = format('%s on %s refused', tg_op, tg_table_name);
end;
$$;

create trigger domain_event_entry_immutable_rows
    before update or delete on domain_event_entry
    for each row execute function refuse_event_modification();

create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function refuse_event_modification();
