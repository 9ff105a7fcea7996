{{
    config(
        materialized='incremental',
        incremental_strategy='sync',
        sync_mode='replace',
        sync_scope_key='entity_id',
        on_schema_change='fail',
        indexes=[{'columns': ['entity_id', 'store_id']}],
        post_hook=["{{ sync_record_position() }}"],
    )
}}

-- depends_on: {{ ref('int_sync_plans') }}
-- depends_on: {{ ref('int_sync_affected_ids') }}
-- depends_on: {{ ref('int_sync_consumer_positions') }}

-- Every product attribute value as Magento shows it in each scope: the default scope (store 0)
-- and every store view, by the store-scope rule in eav_resolve_store_scope. Global attributes
-- are kept for the default scope only (their store-view value is the default one anyway).
-- Incremental: a sync run recomputes only the products the change feed marks affected (any of
-- their value rows changed or was deleted; all of them after an EAV metadata or store change)
-- and replaces their rows (int_sync_plans, int_sync_affected_ids).

with

attribute_values as (

    select * from {{ ref('int_product_attribute_values_unioned') }}
    {{ sync_affected_filter('entity_id') }}

),

scopes as (

    select * from {{ ref('int_store_scopes') }}

),

resolved as (

    {{ eav_resolve_store_scope('attribute_values', 'scopes') }}

),

final as (

    select
        resolved.*,
        {{ eav_value_json('resolved', 'resolved.store_id') }} as value_json
    from resolved
    where resolved.store_id = 0 or resolved.scope <> 'global'

)

select * from final
