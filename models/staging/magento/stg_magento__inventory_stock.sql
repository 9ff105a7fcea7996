with

source as (

    {{ magento_source('inventory_stock') }}

),

renamed as (

    select
        -- ids
        stock_id,
        -- text
        name,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
