-- Every credit memo line with the migration's verdict: it follows its credit memo. The refunded
-- order item and product are references (sales_creditmemo_item has no FK to either): when they are
-- gone the line is still migrated, with NULL references and a status saying why.

with

creditmemo_items as (

    select * from {{ ref('stg_magento__sales_creditmemo_item') }}

),

creditmemos as (

    select * from {{ ref('int_creditmemos_checked') }}

),

order_items as (

    select * from {{ ref('int_order_items_checked') }}

),

products as (

    select * from {{ ref('int_products_checked') }}

),

checks as (

    select
        creditmemo_items.*,
        {{ reference_status(
            'creditmemo_items.order_item_id', 'order_items', 'deleted_order_item'
        ) }}
            as order_item_reference_status,
        {{ reference_status('creditmemo_items.product_id', 'products', 'deleted_product') }}
            as product_reference_status,
        {{ parent_quarantine_reason(
            'creditmemos', 'creditmemo_items.creditmemo_id', 'creditmemo'
        ) }}
            as creditmemo_reason
    from creditmemo_items
    left join creditmemos
        on creditmemo_items.creditmemo_id = creditmemos.creditmemo_id
    left join order_items
        on creditmemo_items.order_item_id = order_items.order_item_id
    left join products
        on creditmemo_items.product_id = products.product_id

),

final as (

    select
        *,
        {{ quarantine_reason(['creditmemo_reason']) }} as quarantine_reason,
        {{ migration_status(['creditmemo_reason']) }} as migration_status
    from checks

)

select * from final
