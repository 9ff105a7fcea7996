{#
    A foreign key from a table to itself (an order item's parent item, a transaction's parent
    transaction). A contract constraint `to: ref(<the model itself>)` would be a cycle in dbt's
    graph, so the key is added by a post-hook, which runs once the table has its final name:
    Postgres then checks every parent reference of the built table.

    - Idempotent: the key has a fixed name (<table>_<column>_self_fkey) and is added only when the
      table does not have it yet, so an incremental model's post-hook does not pile up keys (or
      re-check every row) on each run; a rebuilt table gets it again.
    - ON DELETE CASCADE: a row deleted by an incremental run (no longer migrated) takes its
      children with it, as a from-scratch build would leave them out (children follow parents).
    - DEFERRABLE INITIALLY DEFERRED: checked at commit, so one run may update a row to point at a
      parent it inserts afterwards.
#}
{% macro self_foreign_key(column, to_column='id') -%}
    {%- set constraint_name = (this.identifier ~ '_' ~ column ~ '_self_fkey')[:63] -%}
    do $do$
    begin
        if not exists (
            select 1
            from pg_constraint
            where
                conrelid = '{{ this.include(database=false) }}'::regclass
                and conname = '{{ constraint_name }}'
        ) then
            alter table {{ this }}
                add constraint {{ adapter.quote(constraint_name) }}
                foreign key ({{ column }}) references {{ this }} ({{ to_column }})
                on delete cascade
                deferrable initially deferred;
        end if;
    end
    $do$
{%- endmacro %}


{#
    Post-hook of the incremental service tables: add back any foreign key the contract declares
    that the table lacks. An incremental table is created with its keys once; when its parent is
    rebuilt (`--full-refresh`, or a full-refresh run killed half-way) the parent's old table is
    dropped with CASCADE, and the child's key with it. By the time the hook runs, the child's rows
    all have parents again (its SQL joins them), so the key can be added back. Idempotent: only
    missing keys are added.
#}
{% macro ensure_foreign_keys() -%}
    {%- set keys = [] -%}
    {%- for column in model.columns.values() -%}
        {%- for constraint in column.constraints if constraint.type == 'foreign_key' -%}
            {%- do keys.append({'columns': [column.name], 'constraint': constraint}) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- for constraint in model.constraints if constraint.type == 'foreign_key' -%}
        {%- do keys.append({'columns': constraint.columns, 'constraint': constraint}) -%}
    {%- endfor -%}
    {%- if keys -%}
    do $do$
    begin
        {%- for key in keys %}
        {%- set constraint = key.constraint %}
        {%- if constraint.to and constraint.to_columns %}
        {%- set parent = constraint.to ~ ' (' ~ constraint.to_columns | join(', ') ~ ')' %}
        {%- else %}
        {%- set parent = constraint.expression %}
        {%- endif %}
        if not exists (
            select 1
            from pg_constraint
            inner join pg_attribute
                on
                    pg_constraint.conrelid = pg_attribute.attrelid
                    and pg_attribute.attnum = pg_constraint.conkey[1]
            where
                pg_constraint.conrelid = '{{ this.include(database=false) }}'::regclass
                and pg_constraint.contype = 'f'
                and pg_attribute.attname = '{{ key.columns[0] }}'
        ) then
            alter table {{ this }}
                add foreign key ({{ key.columns | join(', ') }}) references {{ parent }};
        end if;
        {%- endfor %}
    end
    $do$
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}
