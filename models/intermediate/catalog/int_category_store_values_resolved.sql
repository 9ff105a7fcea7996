{{
    config(
        materialized='table',
        indexes=[{'columns': ['entity_id', 'store_id']}],
    )
}}

-- Every category attribute value as Magento shows it in each scope: the default scope (store 0)
-- and every store view, by the store-scope rule in eav_resolve_store_scope. Global attributes
-- are kept for the default scope only (their store-view value is the default one anyway).

with

attribute_values as (

    select * from {{ ref('int_category_attribute_values_unioned') }}

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
