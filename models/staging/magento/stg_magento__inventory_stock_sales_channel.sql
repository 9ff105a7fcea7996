with

source as (

    {{ magento_source('inventory_stock_sales_channel') }}

),

renamed as (

    select
        -- ids
        stock_id,
        -- text
        type as channel_type,
        code as channel_code,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
