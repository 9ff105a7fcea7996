-- Magento adds the grand_total of each refunded credit memo (state 2) to its order's
-- total_refunded. So for every migrated order whose credit memos are all migrated, the payment
-- service's refunds in state `refunded` add up to the order service's total_refunded (an order
-- without credit memos has total_refunded NULL or 0). Returns the orders that do not match.

with

orders as (

    select
        id,
        magento_id,
        total_refunded
    from {{ ref('orders') }}

),

source_creditmemos as (

    select
        creditmemo_id,
        order_id
    from {{ ref('stg_magento__sales_creditmemo') }}

),

refunds as (

    select
        magento_id,
        order_id,
        state,
        grand_total
    from {{ ref('refunds') }}

),

orders_with_unmigrated_refunds as (

    select distinct source_creditmemos.order_id as magento_order_id
    from source_creditmemos
    left join refunds
        on source_creditmemos.creditmemo_id = refunds.magento_id
    where refunds.magento_id is null

),

refund_totals as (

    select
        order_id,
        sum(grand_total) filter (where state = 'refunded') as refunded_total
    from refunds
    group by order_id

),

final as (

    select
        orders.id as order_id,
        orders.magento_id,
        orders.total_refunded,
        refund_totals.refunded_total
    from orders
    left join refund_totals
        on orders.id = refund_totals.order_id
    left join orders_with_unmigrated_refunds
        on orders.magento_id = orders_with_unmigrated_refunds.magento_order_id
    where
        orders_with_unmigrated_refunds.magento_order_id is null
        and coalesce(orders.total_refunded, 0) <> coalesce(refund_totals.refunded_total, 0)

)

select * from final
