-- The event store's JDBC engine inserts events without global_index: the database numbers each row from the same
-- sequence Hibernate used (still increment 1, so successful appends leave no gaps), inside the insert, so a batch of
-- events needs no round trip per event to fetch its index. Existing rows and their indexes are unchanged.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
