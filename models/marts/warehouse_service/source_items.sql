-- Multi-source inventory: the quantity and status of one sku at one source. Keyed by sku like
-- Magento; product_id is the catalog product with that sku, NULL when no product has it (any
-- more). Empty when the store has no MSI tables.

with

source_items as (

    select * from {{ ref('stg_magento__inventory_source_item') }}

),

ids as (

    select * from {{ ref('magento_ids__source_item') }}

),

products as (

    select
        id,
        sku
    from {{ ref('products') }}

),

final as (

    select
        ids.new_uuid as id,
        source_items.source_item_id as magento_id,
        source_items.source_code,
        source_items.sku,
        products.id as product_id,
        source_items.quantity,
        coalesce(source_items.is_in_stock, false) as is_in_stock,
        'magento' as source
    from source_items
    inner join ids
        on source_items.source_item_id = ids.magento_id
    left join products
        on source_items.sku = products.sku

)

select * from final
