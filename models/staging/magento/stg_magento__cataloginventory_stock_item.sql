with

source as (

    {{ magento_source('cataloginventory_stock_item') }}

),

renamed as (

    select
        -- ids
        item_id as stock_item_id,
        product_id,
        stock_id,
        website_id,
        -- flags
        cast(use_config_min_qty as boolean) as use_config_min_qty,
        cast(is_qty_decimal as boolean) as is_qty_decimal,
        cast(use_config_backorders as boolean) as use_config_backorders,
        cast(use_config_min_sale_qty as boolean) as use_config_min_sale_qty,
        cast(use_config_max_sale_qty as boolean) as use_config_max_sale_qty,
        cast(is_in_stock as boolean) as is_in_stock,
        cast(use_config_notify_stock_qty as boolean) as use_config_notify_stock_qty,
        cast(manage_stock as boolean) as manage_stock,
        cast(use_config_manage_stock as boolean) as use_config_manage_stock,
        cast(stock_status_changed_auto as boolean) as stock_status_changed_auto,
        cast(use_config_qty_increments as boolean) as use_config_qty_increments,
        cast(use_config_enable_qty_inc as boolean) as use_config_enable_qty_inc,
        cast(enable_qty_increments as boolean) as enable_qty_increments,
        cast(is_decimal_divided as boolean) as is_decimal_divided,
        -- numbers
        qty,
        min_qty,
        backorders,
        min_sale_qty,
        max_sale_qty,
        notify_stock_qty,
        qty_increments,
        -- timestamps
        low_stock_date,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
