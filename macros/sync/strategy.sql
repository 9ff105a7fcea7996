{#
    The `sync` incremental strategy. The model's SQL returns the rows the table must hold
    (all of them, or on a consumer's incremental run those of the affected entities), in a
    temporary table; then:

    sync_mode 'diff' (service tables; needs unique_key):
        1. delete the target rows whose key the model no longer returns (deleted in Magento, now
           quarantined or excluded), within the scope; in-service foreign keys cascade;
        2. update in place the rows whose content differs (never delete + insert: that would
           cascade to the children), comparing every column but `sync_ignore_columns`
           (default `_synced_at`, the run that last wrote the row);
        3. insert the new rows.
        Unchanged rows are not touched.
    sync_mode 'replace' (intermediate EAV tables): delete the rows in scope, insert the model's
    rows.

    The scope is every row, except on a consumer's (config `sync_scope_key`: the column holding
    the consumer's entity id) incremental run that does not recompute everything: the rows of the
    affected entities.
#}
{% macro get_incremental_sync_sql(arg_dict) -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set temp = arg_dict['temp_relation'] -%}
    {%- set unique_key = arg_dict['unique_key'] -%}
    {%- set keys = [unique_key] if unique_key is string else (unique_key or []) -%}
    {%- set mode = config.get('sync_mode', 'diff') -%}
    {%- set ignored = config.get('sync_ignore_columns', ['_synced_at']) -%}
    {#- numeric(p,s) columns of the target: the model's value is compared as stored -#}
    {%- set target_types = {} -%}
    {%- for column in adapter.get_columns_in_relation(target) -%}
        {%- if column.data_type.startswith('numeric(') -%}
            {%- do target_types.update({column.name: column.data_type}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set columns = [] -%}
    {%- set compared = [] -%}
    {%- for column in arg_dict['dest_columns'] -%}
        {%- set quoted = adapter.quote(column.name) -%}
        {%- do columns.append(quoted) -%}
        {%- if column.name not in ignored -%}
            {%- if column.name in target_types -%}
                {%- do compared.append(('target_row.' ~ quoted, 'cast(source_row.' ~ quoted ~ ' as ' ~ target_types[column.name] ~ ')')) -%}
            {%- else -%}
                {%- do compared.append(('target_row.' ~ quoted, 'source_row.' ~ quoted)) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set scope_key = config.get('sync_scope_key') -%}
    {%- set scope = none -%}
    {%- if scope_key -%}
        {%- set ids = sync_affected_ids() -%}
        {%- if ids is not none -%}
            {%- set scope = 'target_row.' ~ adapter.quote(scope_key) ~ ' = any(' ~ ids ~ ')' -%}
        {%- endif -%}
    {%- endif -%}
    {%- if mode == 'replace' -%}
    delete from {{ target }} as target_row
    {%- if scope %}
    where {{ scope }}
    {%- endif %};
    insert into {{ target }} ({{ columns | join(', ') }})
    select {{ columns | join(', ') }}
    from {{ temp }};
    {%- elif mode == 'diff' -%}
    {%- if not keys -%}
        {{ exceptions.raise_compiler_error("incremental_strategy 'sync' (diff) needs a unique_key: " ~ this) }}
    {%- endif -%}
    {%- set key_match -%}
        {%- for key in keys -%}
            {{ ' and ' if not loop.first }}source_row.{{ adapter.quote(key) }} = target_row.{{ adapter.quote(key) }}
        {%- endfor -%}
    {%- endset %}
    delete from {{ target }} as target_row
    where
        {%- if scope %}
        {{ scope }} and
        {%- endif %}
        not exists (select 1 from {{ temp }} as source_row where {{ key_match }});
    update {{ target }} as target_row
    set
        {%- for column in columns %}
        {{ column }} = source_row.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ temp }} as source_row
    where
        {{ key_match }}
        and (
            {%- for target_value, source_value in compared %}
            {{ target_value }}{{ ',' if not loop.last }}
            {%- endfor %}
        ) is distinct from (
            {%- for target_value, source_value in compared %}
            {{ source_value }}{{ ',' if not loop.last }}
            {%- endfor %}
        );
    insert into {{ target }} ({{ columns | join(', ') }})
    select {{ columns | join(', ') }}
    from {{ temp }} as source_row
    where not exists (select 1 from {{ target }} as target_row where {{ key_match }});
    {%- else -%}
        {{ exceptions.raise_compiler_error("unknown sync_mode '" ~ mode ~ "' on " ~ this) }}
    {%- endif -%}
{%- endmacro %}


{#
    Declares a service table the `sync` strategy keeps in place ('diff' mode, keyed by `id`):
    every run computes every row from the *_checked tables, then only rows that differ are
    updated, new ones inserted, and rows no longer migrated (deleted in Magento, now quarantined
    or excluded) deleted, their in-service children with them (ON DELETE CASCADE). _synced_at is
    the run that last wrote the row. `pre_hook`/`post_hook`: the model's own hooks, if any.
#}
{% macro sync_service_table(pre_hook=none, post_hook=none) -%}
    {%- set settings = {
        'materialized': 'incremental',
        'incremental_strategy': 'sync',
        'unique_key': 'id',
        'on_schema_change': 'append_new_columns',
    } -%}
    {%- if pre_hook is not none -%}
        {%- do settings.update({'pre_hook': pre_hook}) -%}
    {%- endif -%}
    {%- if post_hook is not none -%}
        {%- do settings.update({'post_hook': post_hook}) -%}
    {%- endif -%}
    {%- do config(settings) -%}
{%- endmacro %}
