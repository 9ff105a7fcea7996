{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false,
        on_schema_change='fail',
        indexes=[
            {'columns': ['source_table', 'changed_at']},
            {'columns': ['logged_at']},
        ],
        post_hook=["{{ sync_prune_changes() }}"],
    )
}}

-- The change feed: what changed in each raw Magento table since the feed last looked, one entry
-- per (table, entity, deleted or not) and run. Append-only: every run logs the raw rows whose
-- change time (greatest of _sdc_extracted_at and _sdc_deleted_at) is later than the table's
-- watermark, i.e. the latest change time already logged for that table. Soft-deleted rows
-- included: this is the one model that reads deleted raw rows (magento_source_changes).
--
-- One entry stands for the whole table (is_whole_table, entity_id NULL) when the feed sees the
-- table for the first time (a first build logs only each table's watermark) and when every live
-- row of a table of 1,000 rows or more was re-extracted (a FULL_TABLE re-read): readers then
-- recompute everything that reads the table. Deleted rows of a known table are always logged
-- per entity.
-- Entries older than var sync_feed_retention_days are pruned (post-hook), except each table's
-- latest, which holds its watermark.

{%- set tables = graph.sources.values()
    | selectattr('source_name', 'equalto', 'magento')
    | map(attribute='name') | sort | list %}
{#- a re-read table has at least this many rows: below, per-entity entries are cheap anyway #}
{%- set whole_table_min_rows = 1000 %}
{%- set raw_columns = magento_raw_columns() %}
{%- set entity_keys = sync_entity_keys() %}
{%- set watermarks = sync_feed_watermarks(this) if is_incremental() else none %}
{%- set per_table = [] %}
{%- for table in tables %}
{%- set changes = magento_source_changes(table, raw_columns, entity_keys, watermarks) %}
{%- if changes | trim %}
{%- do per_table.append(changes) %}
{%- endif %}
{%- endfor %}

with

changed_entities as (

    {%- for changes in per_table %}
    {{ changes }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- else %}
    select
        cast(null as text) as source_table,
        cast(null as text) as entity_type,
        cast(null as bigint) as entity_id,
        false as is_deleted,
        cast(0 as bigint) as row_count,
        cast(null as timestamptz) as extracted_at,
        cast(null as timestamptz) as deleted_at,
        cast(null as timestamptz) as changed_at,
        true as is_table_total,
        false as has_watermark,
        false as has_unchanged_live_rows
    where false
    {%- endfor %}

),

classified as (

    -- a known table whose every live row changed, many of them: re-extracted in full (a
    -- FULL_TABLE sync re-reads every row each cycle), its live changes logged as one entry
    select
        *,
        has_watermark
        and not has_unchanged_live_rows
        and coalesce(
            sum(row_count) filter (where not is_table_total and not is_deleted)
                over (partition by source_table),
            0
        ) >= {{ whole_table_min_rows }} as is_reread
    from changed_entities

),

whole_tables as (

    -- a table seen for the first time: its totals (an empty table too, with the watermark
    -- -infinity, so that its first rows are logged one by one)
    select
        source_table,
        entity_type,
        row_count,
        extracted_at,
        deleted_at,
        coalesce(changed_at, '-infinity') as changed_at
    from classified
    where is_table_total and not has_watermark
    union all
    select
        source_table,
        entity_type,
        sum(row_count) as row_count,
        max(extracted_at) as extracted_at,
        max(deleted_at) as deleted_at,
        max(changed_at) as changed_at
    from classified
    where not is_table_total and is_reread and not is_deleted
    group by source_table, entity_type

),

entity_changes as (

    -- every other change of a known table, per entity (deletions always)
    select
        source_table,
        entity_type,
        entity_id,
        is_deleted,
        row_count,
        extracted_at,
        deleted_at,
        changed_at
    from classified
    where
        not is_table_total
        and has_watermark
        and (not is_reread or is_deleted)

),

final as (

    select
        source_table,
        entity_type,
        cast(null as bigint) as entity_id,
        false as is_deleted,
        true as is_whole_table,
        cast(row_count as bigint) as row_count,
        extracted_at,
        deleted_at,
        changed_at,
        {{ sync_run_timestamp() }} as logged_at
    from whole_tables
    union all
    select
        source_table,
        entity_type,
        entity_id,
        is_deleted,
        false as is_whole_table,
        row_count,
        extracted_at,
        deleted_at,
        changed_at,
        {{ sync_run_timestamp() }} as logged_at
    from entity_changes

)

select * from final
