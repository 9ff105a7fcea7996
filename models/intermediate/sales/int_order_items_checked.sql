-- Every Magento order item with the migration's verdict. An item follows its order (orphans and
-- items of quarantined orders are quarantined) and its parent item: the child row of a
-- configurable or bundle line is quarantined when its parent row is missing, quarantined, or on
-- another order, so a migrated child always has its parent. A product gone from the catalog does
-- not quarantine the line (sku and name are snapshots): product_reference_status says why the
-- service's product_id is NULL.

with

items as (

    select * from {{ ref('stg_magento__sales_order_item') }}

),

orders as (

    select * from {{ ref('int_orders_checked') }}

),

products as (

    select * from {{ ref('int_products_checked') }}

),

own_checks as (

    select
        items.*,
        {{ reference_status('items.product_id', 'products', 'deleted_product') }}
            as product_reference_status,
        {{ parent_quarantine_reason('orders', 'items.order_id', 'order') }} as order_reason,
        case
            when parent_items.order_id <> items.order_id
                then 'parent item ' || items.parent_item_id || ' belongs to another order ('
                    || parent_items.order_id || ')'
        end as parent_order_reason
    from items
    left join orders
        on items.order_id = orders.order_id
    left join items as parent_items
        on items.parent_item_id = parent_items.order_item_id
    left join products
        on items.product_id = products.product_id

),

own_reasons as (

    select
        *,
        {{ quarantine_reason(['order_reason', 'parent_order_reason']) }} as own_reason
    from own_checks

),

ancestor_checks as (

    {{ ancestor_quarantine_reason(
        'own_reasons', 'order_item_id', 'parent_item_id', 'own_reason', 'parent item'
    ) }}

),

final as (

    select
        own_reasons.*,
        ancestor_checks.reason as parent_item_reason,
        {{ quarantine_reason(['own_reasons.own_reason', 'ancestor_checks.reason']) }}
            as quarantine_reason,
        {{ migration_status(['own_reasons.own_reason', 'ancestor_checks.reason']) }}
            as migration_status
    from own_reasons
    left join ancestor_checks
        on own_reasons.order_item_id = ancestor_checks.order_item_id

)

select * from final
