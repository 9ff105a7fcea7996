with

source as (

    {{ magento_source_current('catalog_category_entity_int') }}

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
