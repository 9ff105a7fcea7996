with

source as (

    {{ magento_source('catalog_product_website') }}

),

renamed as (

    select
        -- ids
        product_id,
        website_id,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
