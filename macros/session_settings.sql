{#
    The session settings of every query the project runs against the warehouse, models and data
    tests alike: work_mem (var `work_mem`: Postgres's 4MB default spills the big hash joins and
    aggregates to disk) and JIT (var `jit`, off: its compile time exceeds what it saves on these
    wide queries). `set local`: they end with the transaction, so nothing leaks into the
    connection. Models run them as their pre-hook (dbt_project.yml); data tests at the head of
    their query (postgres__get_test_sql). See DECISIONS.md, "JIT off" and "Data tests with the
    models' settings".
#}
{% macro migration_session_settings() -%}
    set local work_mem = '{{ var("work_mem") }}';
    set local jit = {{ 'on' if var('jit') else 'off' }}
{%- endmacro %}


{#
    dbt's test query, run after migration_session_settings() in the same transaction: without
    them the tests of a `large` build ran with 4MB of work_mem and JIT on (their node time 312 s,
    258 s with the settings).
#}
{% macro postgres__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
    {{ migration_session_settings() }};
    {{ dbt.default__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) }}
{%- endmacro %}
