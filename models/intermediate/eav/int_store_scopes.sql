with

stores as (

    select * from {{ ref('stg_magento__store') }}

),

final as (

    select
        store_id,
        code as store_code,
        name as store_name,
        website_id,
        store_group_id,
        is_active,
        store_id = 0 as is_default_scope
    from stores

)

select * from final
