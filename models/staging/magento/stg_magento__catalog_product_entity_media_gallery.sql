with

source as (

    {{ magento_source('catalog_product_entity_media_gallery') }}

),

renamed as (

    select
        -- ids
        value_id as media_gallery_value_id,
        attribute_id,
        -- flags
        cast(disabled as boolean) as disabled,
        -- text
        value as file_path,
        media_type,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
