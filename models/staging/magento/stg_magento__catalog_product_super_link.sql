with

source as (

    {{ magento_source_current('catalog_product_super_link') }}

),

renamed as (

    select
        -- ids
        link_id,
        product_id as child_product_id,
        parent_id as parent_product_id,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
