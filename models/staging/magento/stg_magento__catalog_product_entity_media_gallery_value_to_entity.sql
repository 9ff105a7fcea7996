{{ config(alias='stg_magento__catalog_product_media_gallery_to_entity') }}

with

source as (

    {{ magento_source_current('catalog_product_entity_media_gallery_value_to_entity') }}

),

renamed as (

    select
        -- ids
        value_id as media_gallery_value_id,
        entity_id as product_id,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
