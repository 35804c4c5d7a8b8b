-- PostgreSQL refuses to change or remove an audit row, whoever asks.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception '操作记录只能追加，不能修改或删除 (audit_event is append-only)';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();
