with

source as (

    {{ magento_source('store_group') }}

),

renamed as (

    select
        -- ids
        group_id as store_group_id,
        website_id,
        root_category_id,
        default_store_id,
        -- text
        name,
        code,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
