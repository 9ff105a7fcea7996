-- Multi-source inventory: the salable quantity of every sku per stock, as Magento computes it
-- (InventoryIndexer SelectBuilder + GetProductSalableQty): the quantities of the stock's
-- enabled sources where the source item is in stock (out of stock counts 0), plus the stock's
-- reservations (negative while an order waits for shipment). A sku with only reservations
-- counts them alone. One row per sales channel of the stock (a stock no channel sells from is
-- not salable anywhere).

with

source_items as (

    select * from {{ ref('stg_magento__inventory_source_item') }}

),

sources as (

    select * from {{ ref('stg_magento__inventory_source') }}

),

links as (

    select * from {{ ref('stg_magento__inventory_source_stock_link') }}

),

reservations as (

    select * from {{ ref('stg_magento__inventory_reservation') }}

),

channels as (

    select * from {{ ref('stg_magento__inventory_stock_sales_channel') }}

),

on_hand as (

    select
        links.stock_id,
        source_items.sku,
        sum(case when source_items.is_in_stock then source_items.quantity else 0 end)
            as source_quantity
    from links
    inner join sources
        on links.source_code = sources.source_code
    inner join source_items
        on links.source_code = source_items.source_code
    where sources.is_enabled
    group by 1, 2

),

reserved as (

    select
        stock_id,
        sku,
        sum(quantity) as reserved_quantity
    from reservations
    group by 1, 2

),

per_stock as (

    select
        coalesce(on_hand.stock_id, reserved.stock_id) as stock_id,
        coalesce(on_hand.sku, reserved.sku) as sku,
        coalesce(on_hand.source_quantity, 0) as source_quantity,
        coalesce(reserved.reserved_quantity, 0) as reserved_quantity
    from on_hand
    full outer join reserved
        on
            on_hand.stock_id = reserved.stock_id
            and on_hand.sku = reserved.sku

),

final as (

    select
        channels.channel_type,
        channels.channel_code,
        per_stock.stock_id,
        per_stock.sku,
        per_stock.source_quantity,
        per_stock.reserved_quantity,
        per_stock.source_quantity + per_stock.reserved_quantity as salable_quantity
    from per_stock
    inner join channels
        on per_stock.stock_id = channels.stock_id

)

select * from final
