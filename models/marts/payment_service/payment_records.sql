{{ config(pre_hook="{{ create_try_cast_jsonb() }}") }}

with

payments as (

    select * from {{ ref('int_order_payments_checked') }}
    where migration_status = 'migrated'

),

orders as (

    select
        id,
        magento_id,
        currency,
        created_at
    from {{ ref('orders') }}

),

transactions as (

    select * from {{ ref('stg_magento__sales_payment_transaction') }}

),

ids as (

    select * from {{ ref('magento_ids__order_payment') }}

),

payment_methods as (

    select * from {{ ref('magento_payment_methods') }}

),

latest_captures as (

    select distinct on (payment_id)
        payment_id,
        txn_id
    from transactions
    where txn_type = 'capture'
    order by payment_id asc, created_at desc, transaction_id desc

),

final as (

    select
        ids.new_uuid as id,
        payments.payment_id as magento_id,
        orders.id as order_id,
        coalesce(latest_captures.txn_id, payments.last_trans_id) as gateway_txn_id,
        payments.last_trans_id,
        payments.method,
        coalesce(payment_methods.gateway, 'unknown_' || payments.method) as gateway,
        coalesce(payment_methods.method_name, 'unknown_' || payments.method) as method_name,
        case
            when coalesce(payments.amount_paid, 0) <> 0 then payments.amount_paid
            else payments.amount_ordered
        end as amount,
        payments.amount_ordered,
        payments.amount_authorized,
        payments.amount_paid,
        payments.amount_refunded,
        payments.amount_canceled,
        payments.shipping_amount,
        payments.base_amount_ordered,
        payments.base_amount_paid,
        payments.base_amount_refunded,
        orders.currency,
        payments.payment_status as status,
        payments.cc_type,
        {{ mask_text('payments.cc_last_4') }} as cc_last_4,
        payments.cc_exp_month,
        payments.cc_exp_year,
        {{ mask_text('payments.po_number') }} as po_number,
        {{ mask_json(json_or_null('payments.additional_information')) }}
            as additional_information,
        {{ serialized_format('payments.additional_information') }} as additional_information_format,
        {{ mask_text(unparsed_text('payments.additional_information')) }}
            as additional_information_raw,
        orders.created_at,
        'magento' as source
    from payments
    inner join ids
        on payments.payment_id = ids.magento_id
    inner join orders
        on payments.order_id = orders.magento_id
    left join latest_captures
        on payments.payment_id = latest_captures.payment_id
    left join payment_methods
        on payments.method = payment_methods.method

)

select * from final
