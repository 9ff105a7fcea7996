with

source as (

    {{ magento_source_current('catalog_product_super_attribute') }}

),

renamed as (

    select
        -- ids
        product_super_attribute_id,
        product_id as parent_product_id,
        attribute_id,
        -- numbers
        position,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
