-- A service table kept in place by the sync: only rows that differ are written (macro
-- sync_service_table).

{{ sync_service_table() }}

with

stock_items as (

    select * from {{ ref('int_stock_items_checked') }}
    where migration_status = 'migrated'

),

products as (

    select
        id,
        magento_id,
        sku
    from {{ ref('products') }}

),

ids as (

    select * from {{ ref('magento_ids__stock_item') }}

),

final as (

    select
        ids.new_uuid as id,
        stock_items.stock_item_id as magento_id,
        products.id as product_id,
        products.sku,
        stock_items.stock_id,
        stock_items.website_id,
        stock_items.qty,
        stock_items.has_negative_qty,
        coalesce(stock_items.is_in_stock, false) as is_in_stock,
        coalesce(stock_items.is_qty_decimal, false) as is_qty_decimal,
        coalesce(stock_items.is_decimal_divided, false) as is_decimal_divided,
        coalesce(stock_items.manage_stock, true) as manage_stock,
        coalesce(stock_items.use_config_manage_stock, true) as use_config_manage_stock,
        {{ magento_code('stock_backorders', 'stock_items.backorders') }} as backorders,
        stock_items.backorders as magento_backorders,
        coalesce(stock_items.use_config_backorders, true) as use_config_backorders,
        stock_items.min_qty,
        coalesce(stock_items.use_config_min_qty, true) as use_config_min_qty,
        stock_items.min_sale_qty,
        coalesce(stock_items.use_config_min_sale_qty, true) as use_config_min_sale_qty,
        stock_items.max_sale_qty,
        coalesce(stock_items.use_config_max_sale_qty, true) as use_config_max_sale_qty,
        stock_items.notify_stock_qty,
        coalesce(stock_items.use_config_notify_stock_qty, true) as use_config_notify_stock_qty,
        coalesce(stock_items.enable_qty_increments, false) as enable_qty_increments,
        coalesce(stock_items.use_config_enable_qty_inc, true) as use_config_enable_qty_inc,
        stock_items.qty_increments,
        coalesce(stock_items.use_config_qty_increments, true) as use_config_qty_increments,
        coalesce(stock_items.stock_status_changed_auto, false) as stock_status_changed_auto,
        stock_items.low_stock_date,
        'magento' as source,
        {{ sync_run_timestamp() }} as _synced_at
    from stock_items
    inner join ids
        on stock_items.stock_item_id = ids.magento_id
    inner join products
        on stock_items.product_id = products.magento_id

)

select * from final
