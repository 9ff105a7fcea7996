with

source as (

    {{ magento_source('inventory_source_item') }}

),

renamed as (

    select
        -- ids
        source_item_id,
        source_code,
        sku,
        -- numbers
        quantity,
        -- flags
        cast(status as boolean) as is_in_stock,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
