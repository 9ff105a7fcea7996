-- One row per incremental consumer of the change feed (macro sync_consumers): recompute every
-- entity this run, or only the affected ones (int_sync_affected_ids)? Everything when the
-- consumer has no position yet; when its code, or the code of anything it reads, changed since
-- (sync_code_version: results of old code must not survive a deploy); when its position is
-- older than the feed's retention (entries it has not read may be pruned); when the feed logged
-- a change to an EAV metadata or store table since its position (attribute scope, backend type,
-- option labels, store views change every entity); or a whole-table entry for one of its own
-- tables (first sight of the table, or a FULL_TABLE re-read of every row).

{%- set consumers = sync_consumers() %}
{%- set metadata_tables = sync_metadata_tables() %}

with

consumers as (

    {%- for consumer, spec in consumers.items() %}
    select
        '{{ consumer }}' as consumer,
        '{{ spec.entity_type }}' as entity_type,
        '{{ sync_code_version("model." ~ project_name ~ "." ~ consumer) }}' as code_version
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

consumer_tables as (

    {{ sync_consumer_tables() }}

),

positions as (

    select * from {{ ref('int_sync_consumer_positions') }}

),

changes as (

    select * from {{ ref('int_source_changes') }}

),

feed as (

    select max(logged_at) as feed_position from changes

),

pending as (

    -- the feed entries each consumer has not read yet
    select
        consumers.consumer,
        changes.source_table,
        changes.is_whole_table,
        consumer_tables.source_table is not null as is_own_table
    from consumers
    left join positions
        on consumers.consumer = positions.consumer
    inner join changes
        on changes.logged_at > coalesce(positions.processed_through, '-infinity')
    left join consumer_tables
        on
            consumers.consumer = consumer_tables.consumer
            and changes.source_table = consumer_tables.source_table

),

pending_reasons as (

    select
        consumer,
        min(source_table) filter (
            where source_table in (
                {%- for table in metadata_tables %}
                '{{ table }}'{{ ',' if not loop.last }}
                {%- endfor %}
            )
        ) as changed_metadata_table,
        min(source_table) filter (where is_own_table and is_whole_table) as whole_table
    from pending
    group by consumer

),

final as (

    select
        consumers.consumer,
        consumers.entity_type,
        consumers.code_version,
        positions.processed_through,
        feed.feed_position,
        case
            when positions.processed_through is null
                then 'no position yet'
            when coalesce(positions.code_version, '') <> consumers.code_version
                then 'code changed'
            when
                positions.processed_through
                < now() - interval '{{ var("sync_feed_retention_days") | int }} days'
                then 'position older than the feed retention'
            when pending_reasons.changed_metadata_table is not null
                then 'metadata changed: ' || pending_reasons.changed_metadata_table
            when pending_reasons.whole_table is not null
                then 'whole table changed: ' || pending_reasons.whole_table
        end as recompute_reason
    from consumers
    cross join feed
    left join positions
        on consumers.consumer = positions.consumer
    left join pending_reasons
        on consumers.consumer = pending_reasons.consumer

)

select
    *,
    recompute_reason is not null as recompute_all
from final
