with

source as (

    {{ magento_source('store') }}

),

renamed as (

    select
        -- ids
        store_id,
        website_id,
        group_id as store_group_id,
        -- flags
        cast(is_active as boolean) as is_active,
        -- numbers
        sort_order,
        -- text
        code,
        name,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
