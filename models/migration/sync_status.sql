{{ config(materialized='view') }}

-- The state of the sync, one row per raw Magento table: the latest change the warehouse has
-- (last _sdc_extracted_at), how many raw rows the change feed logged in the last cycle, the lag
-- behind now and the source freshness thresholds of the table (from _magento__sources.yml,
-- vars sync_freshness_*), with their verdict. A view: lag is measured when it is read.

{%- set tables = [] %}
{%- for node in graph.sources.values() if node.source_name == 'magento' %}
{%- set freshness = node.freshness or {} %}
{%- set thresholds = {} %}
{%- for level in ['warn_after', 'error_after'] %}
{%- set threshold = freshness.get(level) or {} %}
{%- if threshold.get('count') and threshold.get('period') %}
{%- do thresholds.update({level: (threshold['count'] | int) ~ ' ' ~ threshold['period']}) %}
{%- endif %}
{%- endfor %}
{%- do tables.append({
    'name': node.name,
    'warn_after': thresholds.get('warn_after'),
    'error_after': thresholds.get('error_after'),
}) %}
{%- endfor %}

with

source_tables as (

    {%- for table in tables | sort(attribute='name') %}
    select
        '{{ table.name }}' as source_table,
        {%- if table.warn_after %}
        interval '{{ table.warn_after }}' as warn_after,
        {%- else %}
        cast(null as interval) as warn_after,
        {%- endif %}
        {%- if table.error_after %}
        interval '{{ table.error_after }}' as error_after
        {%- else %}
        cast(null as interval) as error_after
        {%- endif %}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

changes as (

    select * from {{ ref('int_source_changes') }}

),

last_cycle as (

    select max(logged_at) as logged_at from changes

),

per_table as (

    select
        changes.source_table,
        max(changes.extracted_at) as last_extracted_at,
        max(changes.deleted_at) as last_deleted_at,
        max(changes.logged_at) as last_logged_at,
        cast(coalesce(sum(changes.row_count) filter (
            where changes.logged_at = last_cycle.logged_at
        ), 0) as bigint) as rows_changed_last_cycle,
        cast(coalesce(sum(changes.row_count) filter (
            where changes.logged_at = last_cycle.logged_at and changes.is_deleted
        ), 0) as bigint) as rows_deleted_last_cycle
    from changes
    cross join last_cycle
    group by changes.source_table

),

final as (

    select
        source_tables.source_table,
        per_table.source_table is not null as is_replicated,
        per_table.last_extracted_at,
        per_table.last_deleted_at,
        coalesce(per_table.rows_changed_last_cycle, 0) as rows_changed_last_cycle,
        coalesce(per_table.rows_deleted_last_cycle, 0) as rows_deleted_last_cycle,
        last_cycle.logged_at as last_cycle_at,
        per_table.last_logged_at,
        cast(extract(epoch from now() - per_table.last_extracted_at) as bigint) as lag_seconds,
        cast(extract(epoch from source_tables.warn_after) as bigint) as warn_after_seconds,
        cast(extract(epoch from source_tables.error_after) as bigint) as error_after_seconds,
        case
            when per_table.last_extracted_at is null then null
            when now() - per_table.last_extracted_at > source_tables.error_after then 'error'
            when now() - per_table.last_extracted_at > source_tables.warn_after then 'warn'
            when coalesce(source_tables.warn_after, source_tables.error_after) is not null
                then 'pass'
        end as freshness_status
    from source_tables
    cross join last_cycle
    left join per_table
        on source_tables.source_table = per_table.source_table

)

select * from final
