-- Every legacy stock item (cataloginventory_stock_item) with the migration's verdict. A stock
-- item follows its product: one whose product no longer exists, or is quarantined, is
-- quarantined too. Quantities are migrated as they are; a negative quantity (oversold with
-- backorders, or damaged data) is flagged, not altered.

with

stock_items as (

    select * from {{ ref('stg_magento__cataloginventory_stock_item') }}

),

products as (

    select * from {{ ref('int_products_checked') }}

),

checks as (

    select
        stock_items.*,
        coalesce(stock_items.qty < 0, false) as has_negative_qty,
        {{ parent_quarantine_reason('products', 'stock_items.product_id', 'product') }}
            as product_reason,
        case
            when
                row_number() over (
                    partition by stock_items.product_id, stock_items.stock_id
                    order by stock_items.stock_item_id
                ) > 1
                then 'duplicate stock item of product ' || stock_items.product_id
                    || ' in stock ' || stock_items.stock_id
        end as duplicate_reason
    from stock_items
    left join products
        on stock_items.product_id = products.product_id

),

final as (

    select
        *,
        {{ quarantine_reason(['product_reason', 'duplicate_reason']) }} as quarantine_reason,
        {{ migration_status(['product_reason', 'duplicate_reason']) }} as migration_status
    from checks

)

select * from final
