with

source as (

    {{ magento_source_current('catalog_product_entity_decimal') }}

),

renamed as (

    select
        -- ids
        value_id,
        attribute_id,
        store_id,
        entity_id,
        -- numbers
        value,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
