{#
    The session settings of every model and data-test transaction: vars `work_mem` and `jit`
    (why: their comments in dbt_project.yml). `set local`: they end with the transaction, so
    nothing leaks into the connection. Models run them as their pre-hook; data tests at the head
    of their query (postgres__get_test_sql). DECISIONS.md, "Data tests with the models' settings".
#}
{% macro migration_session_settings() -%}
    set local work_mem = '{{ var("work_mem") }}';
    set local jit = {{ 'on' if var('jit') else 'off' }}
{%- endmacro %}


{#
    dbt's test query after migration_session_settings(), in the same transaction (dbt gives
    data tests no pre-hook).
#}
{% macro postgres__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
    {{ migration_session_settings() }};
    {{ dbt.default__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) }}
{%- endmacro %}
