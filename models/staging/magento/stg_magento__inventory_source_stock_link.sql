with

source as (

    {{ magento_source('inventory_source_stock_link') }}

),

renamed as (

    select
        -- ids
        link_id,
        stock_id,
        source_code,
        -- numbers
        priority,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
