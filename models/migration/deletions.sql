{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false,
        on_schema_change='fail',
    )
}}

-- Every Magento entity deleted since the change feed started, with the UUID the services know it
-- by: soft-deleted rows of the entity tables (customer_entity, sales_order, ...; macro
-- sync_entity_keys) as the feed logged them. Append-only, and each deletion (entity, deletion
-- time) is logged once: reruns and `--full-refresh` keep every row. The UUID comes from the
-- identity map, which keeps every UUID forever; NULL when the entity was created and deleted
-- between two syncs and never had one.

{%- set entity_tables = [] %}
{%- for table, entity in sync_entity_keys().items() if entity.entity_table %}
{%- do entity_tables.append(table) %}
{%- endfor %}

with

changes as (

    select * from {{ ref('int_source_changes') }}

),

ids as (

    select * from {{ ref('magento_id_map') }}

),

deleted_entities as (

    select
        entity_type,
        entity_id as magento_id,
        source_table,
        max(deleted_at) as deleted_at,
        min(logged_at) as logged_at
    from changes
    where
        is_deleted
        and not is_whole_table
        and entity_id is not null
        and deleted_at is not null
        and source_table in (
            {%- for table in entity_tables %}
            '{{ table }}'{{ ',' if not loop.last }}
            {%- endfor %}
        )
    group by entity_type, entity_id, source_table

),

already_logged as (

    {%- if is_incremental() %}
    select
        entity_type,
        magento_id,
        deleted_at
    from {{ this }}
    {%- else %}
    select
        cast(null as text) as entity_type,
        cast(null as bigint) as magento_id,
        cast(null as timestamptz) as deleted_at
    where false
    {%- endif %}

),

new_deletions as (

    select deleted_entities.*
    from deleted_entities
    left join already_logged
        on
            deleted_entities.entity_type = already_logged.entity_type
            and deleted_entities.magento_id = already_logged.magento_id
            and deleted_entities.deleted_at = already_logged.deleted_at
    where already_logged.magento_id is null

),

final as (

    select
        new_deletions.entity_type,
        new_deletions.magento_id,
        ids.new_uuid,
        new_deletions.deleted_at,
        new_deletions.source_table,
        new_deletions.logged_at
    from new_deletions
    left join ids
        on
            new_deletions.entity_type = ids.entity_type
            and new_deletions.magento_id = ids.magento_id

)

select * from final
