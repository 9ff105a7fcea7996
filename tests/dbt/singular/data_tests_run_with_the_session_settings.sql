-- Data tests run with the models' session settings (macro migration_session_settings, put at
-- the head of each test's query by postgres__get_test_sql): the var's work_mem, the var's JIT.
-- Returns the settings this test ran with when they differ.

select
    current_setting('work_mem') as work_mem,
    current_setting('jit') as jit
where
    pg_size_bytes(current_setting('work_mem')) <> pg_size_bytes('{{ var("work_mem") }}')
    or current_setting('jit') <> '{{ "on" if var("jit") else "off" }}'
