-- Every Magento credit memo with the migration's verdict: it follows its order, and a memo whose
-- state is not one of Magento's three (1 open, 2 refunded, 3 canceled) is quarantined.

with

creditmemos as (

    select * from {{ ref('stg_magento__sales_creditmemo') }}

),

orders as (

    select * from {{ ref('int_orders_checked') }}

),

checks as (

    select
        creditmemos.*,
        {{ magento_code('creditmemo_state', 'creditmemos.state') }} as refund_state,
        {{ parent_quarantine_reason('orders', 'creditmemos.order_id', 'order') }} as order_reason,
        case
            when creditmemos.state is null
                then 'missing creditmemo state'
            when {{ magento_code('creditmemo_state', 'creditmemos.state') }} like 'unknown\_%'
                then 'unknown creditmemo state: ' || creditmemos.state
        end as state_reason
    from creditmemos
    left join orders
        on creditmemos.order_id = orders.order_id

),

final as (

    select
        *,
        {{ quarantine_reason(['order_reason', 'state_reason']) }} as quarantine_reason,
        {{ migration_status(['order_reason', 'state_reason']) }} as migration_status
    from checks

)

select * from final
