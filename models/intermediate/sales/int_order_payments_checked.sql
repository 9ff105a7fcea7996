-- Every Magento order payment with the migration's verdict (it follows its order) and its
-- payment_status, derived from Magento's amounts because Magento keeps no payment status of its
-- own. First rule that applies (doc block payment_status):
--   refunded            something was paid and amount_refunded >= amount_paid
--   partially_refunded  something was paid and 0 < amount_refunded < amount_paid
--   paid                amount_paid > 0, or nothing was due (amount_ordered 0) on an order in
--                       processing / complete / closed
--   canceled            nothing paid, and amount_canceled > 0 or the order is canceled
--   authorized          nothing paid, amount_authorized > 0 (held at the gateway)
--   pending             anything else (awaiting an offline payment, e.g. check / money order)

with

payments as (

    select * from {{ ref('stg_magento__sales_order_payment') }}

),

orders as (

    select * from {{ ref('int_orders_checked') }}

),

checks as (

    select
        payments.*,
        case
            when
                coalesce(payments.amount_paid, 0) > 0
                and coalesce(payments.amount_refunded, 0) >= payments.amount_paid
                then 'refunded'
            when
                coalesce(payments.amount_paid, 0) > 0
                and coalesce(payments.amount_refunded, 0) > 0
                then 'partially_refunded'
            when coalesce(payments.amount_paid, 0) > 0
                then 'paid'
            when
                coalesce(payments.amount_ordered, 0) = 0
                and orders.state in ('processing', 'complete', 'closed')
                then 'paid'
            when coalesce(payments.amount_canceled, 0) > 0 or orders.state = 'canceled'
                then 'canceled'
            when coalesce(payments.amount_authorized, 0) > 0
                then 'authorized'
            else 'pending'
        end as payment_status,
        {{ parent_quarantine_reason('orders', 'payments.order_id', 'order') }} as order_reason
    from payments
    left join orders
        on payments.order_id = orders.order_id

),

final as (

    select
        *,
        {{ quarantine_reason(['order_reason']) }} as quarantine_reason,
        {{ migration_status(['order_reason']) }} as migration_status
    from checks

)

select * from final
