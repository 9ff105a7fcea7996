with

source as (

    {{ magento_source_current('catalog_product_entity') }}

),

renamed as (

    select
        -- ids
        entity_id as product_id,
        attribute_set_id,
        type_id,
        -- flags
        cast(has_options as boolean) as has_options,
        cast(required_options as boolean) as required_options,
        -- timestamps
        created_at,
        updated_at,
        -- text
        sku,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
