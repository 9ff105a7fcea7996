with

source as (

    {{ magento_source('catalog_category_product') }}

),

renamed as (

    select
        -- ids
        entity_id as category_product_id,
        category_id,
        product_id,
        -- numbers
        position,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
