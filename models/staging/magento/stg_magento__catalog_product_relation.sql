with

source as (

    {{ magento_source_current('catalog_product_relation') }}

),

renamed as (

    select
        -- ids
        parent_id as parent_product_id,
        child_id as child_product_id,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
