-- The engine granted every new user everything on their own user (ALL, 2147483647), DELETE and a new
-- profile included. Names and e-mail addresses come from the registry and an account is removed there,
-- so a user keeps READ (2) and UPDATE (4) on themselves: their password is theirs to change
-- (GrantsOnNewTasks grants new users the same; CallerLimits refuses a changed profile). Resource type 1
-- is USER; the engine creates its tables before our migrations run (FlywayAfterEngineSchema).
update act_ru_authorization
set perms_ = 6, rev_ = rev_ + 1
where type_ = 1 and resource_type_ = 1 and user_id_ = resource_id_ and perms_ = 2147483647;
