with

creditmemos as (

    select * from {{ ref('int_creditmemos_checked') }}
    where migration_status = 'migrated'

),

orders as (

    select
        id,
        magento_id
    from {{ ref('orders') }}

),

ids as (

    select * from {{ ref('magento_ids__creditmemo') }}

),

final as (

    select
        ids.new_uuid as id,
        creditmemos.creditmemo_id as magento_id,
        orders.id as order_id,
        creditmemos.increment_id,
        creditmemos.refund_state as state,
        creditmemos.state as magento_state,
        creditmemos.store_id,
        creditmemos.subtotal,
        creditmemos.subtotal_incl_tax,
        creditmemos.shipping_amount,
        creditmemos.shipping_incl_tax,
        creditmemos.shipping_tax_amount,
        creditmemos.tax_amount,
        creditmemos.adjustment_positive,
        creditmemos.adjustment_negative,
        creditmemos.adjustment,
        creditmemos.discount_amount,
        creditmemos.grand_total,
        creditmemos.base_grand_total,
        creditmemos.order_currency_code as currency,
        creditmemos.base_currency_code,
        creditmemos.transaction_id as gateway_txn_id,
        {{ mask_text('creditmemos.customer_note') }} as customer_note,
        creditmemos.created_at,
        creditmemos.updated_at,
        'magento' as source
    from creditmemos
    inner join ids
        on creditmemos.creditmemo_id = ids.magento_id
    inner join orders
        on creditmemos.order_id = orders.magento_id

)

select * from final
