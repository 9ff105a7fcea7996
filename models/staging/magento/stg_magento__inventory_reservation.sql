with

source as (

    {{ magento_source('inventory_reservation') }}

),

renamed as (

    select
        -- ids
        reservation_id,
        stock_id,
        sku,
        -- numbers
        quantity,
        -- text
        metadata,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
