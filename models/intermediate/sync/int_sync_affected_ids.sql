{{ config(indexes=[{'columns': ['consumer', 'entity_id'], 'unique': true}]) }}

-- The entities each incremental consumer of the change feed recomputes this run: every entity
-- whose own row or any row of the consumer's other tables (EAV values, website links) the feed
-- logged since the consumer's position, changed or deleted. Empty for a consumer that recomputes
-- everything (int_sync_plans.recompute_all). The consumer deletes these entities' rows and
-- inserts their current ones, so an entity deleted in Magento disappears.

with

consumer_tables as (

    {{ sync_consumer_tables() }}

),

plans as (

    select * from {{ ref('int_sync_plans') }}

),

changes as (

    select * from {{ ref('int_source_changes') }}

),

final as (

    select distinct
        plans.consumer,
        changes.entity_id
    from plans
    inner join consumer_tables
        on plans.consumer = consumer_tables.consumer
    inner join changes
        on
            consumer_tables.source_table = changes.source_table
            and coalesce(plans.processed_through, '-infinity') < changes.logged_at
            and plans.feed_position >= changes.logged_at
    where
        not plans.recompute_all
        and changes.entity_type = plans.entity_type
        and changes.entity_id is not null

)

select * from final
