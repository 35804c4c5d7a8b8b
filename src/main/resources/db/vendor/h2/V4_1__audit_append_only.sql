-- H2 (demo and tests) has no SQL triggers; the application only ever inserts into audit_event
-- (AuditTrail has no update or delete). PostgreSQL enforces append-only with a trigger.
select 1;
