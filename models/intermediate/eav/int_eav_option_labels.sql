{{
    config(
        materialized='table',
        indexes=[{'columns': ['option_id_text', 'store_id'], 'unique': true}],
    )
}}

with

options as (

    select * from {{ ref('stg_magento__eav_attribute_option') }}

),

option_values as (

    select * from {{ ref('stg_magento__eav_attribute_option_value') }}

),

scopes as (

    select * from {{ ref('int_store_scopes') }}

),

final as (

    select
        options.option_id,
        cast(options.option_id as text) as option_id_text,
        options.attribute_id,
        scopes.store_id,
        admin_value.value as admin_label,
        -- Magento: IF(store_value.value_id > 0, store_value.value, admin_value.value)
        case
            when store_value.value_id is not null then store_value.value
            else admin_value.value
        end as label
    from options
    cross join scopes
    left join option_values as admin_value
        on
            options.option_id = admin_value.option_id
            and admin_value.store_id = 0
    left join option_values as store_value
        on
            options.option_id = store_value.option_id
            and scopes.store_id = store_value.store_id
            and scopes.store_id <> 0

)

select * from final
