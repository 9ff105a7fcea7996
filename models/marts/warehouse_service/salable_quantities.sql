-- Multi-source inventory: what each sales channel can still sell of each sku (Magento's salable
-- quantity: in-stock quantities of its stock's enabled sources plus the stock's reservations).
-- Empty when the store has no MSI tables.

with

salable as (

    select * from {{ ref('int_salable_quantities_computed') }}

),

products as (

    select
        id,
        sku
    from {{ ref('products') }}

),

final as (

    select
        salable.channel_type as sales_channel_type,
        salable.channel_code as sales_channel_code,
        salable.stock_id,
        salable.sku,
        products.id as product_id,
        salable.source_quantity,
        salable.reserved_quantity,
        salable.salable_quantity
    from salable
    left join products
        on salable.sku = products.sku

)

select * from final
