with

source as (

    {{ magento_source('store_website') }}

),

renamed as (

    select
        -- ids
        website_id,
        default_group_id,
        -- flags
        cast(is_default as boolean) as is_default,
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
