with

creditmemo_items as (

    select * from {{ ref('int_creditmemo_items_checked') }}
    where migration_status = 'migrated'

),

refunds as (

    select
        id,
        magento_id
    from {{ ref('refunds') }}

),

order_items as (

    select
        id,
        magento_id
    from {{ ref('order_items') }}

),

products as (

    select
        id,
        magento_id
    from {{ ref('products') }}

),

ids as (

    select * from {{ ref('magento_ids__creditmemo_item') }}

),

final as (

    select
        ids.new_uuid as id,
        creditmemo_items.creditmemo_item_id as magento_id,
        refunds.id as refund_id,
        order_items.id as order_item_id,
        creditmemo_items.order_item_reference_status,
        creditmemo_items.order_item_id as magento_order_item_id,
        products.id as product_id,
        creditmemo_items.product_reference_status,
        creditmemo_items.product_id as magento_product_id,
        creditmemo_items.sku,
        creditmemo_items.name,
        creditmemo_items.qty,
        creditmemo_items.price,
        creditmemo_items.base_price,
        creditmemo_items.price_incl_tax,
        creditmemo_items.row_total,
        creditmemo_items.row_total_incl_tax,
        creditmemo_items.tax_amount,
        creditmemo_items.discount_amount,
        'magento' as source
    from creditmemo_items
    inner join ids
        on creditmemo_items.creditmemo_item_id = ids.magento_id
    inner join refunds
        on creditmemo_items.creditmemo_id = refunds.magento_id
    left join order_items
        on
            creditmemo_items.order_item_id = order_items.magento_id
            and creditmemo_items.order_item_reference_status = 'linked'
    left join products
        on
            creditmemo_items.product_id = products.magento_id
            and creditmemo_items.product_reference_status = 'linked'

)

select * from final
