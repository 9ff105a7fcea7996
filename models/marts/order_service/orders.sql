-- A service table kept in place by the sync: only rows that differ are written (macro
-- sync_service_table).

{{ sync_service_table() }}

with

orders as (

    select * from {{ ref('int_orders_checked') }}
    where migration_status = 'migrated'

),

customers as (

    select
        id,
        magento_id
    from {{ ref('customers') }}

),

order_statuses as (

    select * from {{ ref('stg_magento__sales_order_status') }}

),

-- the order service's status: the seed's for the (state, status) pair, else its state's
service_statuses as (

    select * from {{ ref('magento_order_statuses') }}

),

state_service_statuses as (

    select * from {{ ref('magento_order_states') }}

),

ids as (

    select * from {{ ref('magento_ids__order') }}

),

final as (

    select
        ids.new_uuid as id,
        orders.order_id as magento_id,
        orders.increment_id,
        customers.id as customer_id,
        orders.customer_reference_status,
        orders.customer_id as magento_customer_id,
        coalesce(orders.customer_is_guest, false) as customer_is_guest,
        {{ mask_email('orders.customer_email') }} as customer_email,
        {{ mask_text('orders.customer_firstname') }} as customer_first_name,
        {{ mask_text('orders.customer_lastname') }} as customer_last_name,
        orders.customer_group_id,
        orders.state,
        orders.status,
        order_statuses.status_label,
        coalesce(
            service_statuses.service_status,
            state_service_statuses.service_status,
            'unknown_' || orders.state
        ) as service_status,
        orders.store_id,
        orders.store_name,
        orders.order_currency_code as currency,
        orders.base_currency_code,
        orders.global_currency_code,
        orders.base_to_order_rate,
        orders.base_to_global_rate,
        orders.subtotal,
        orders.shipping_amount,
        orders.tax_amount,
        orders.discount_amount,
        orders.grand_total,
        orders.total_paid,
        orders.total_refunded,
        orders.total_online_refunded,
        orders.total_offline_refunded,
        orders.total_invoiced,
        orders.total_canceled,
        orders.total_due,
        orders.subtotal_incl_tax,
        orders.shipping_incl_tax,
        orders.shipping_tax_amount,
        orders.base_subtotal,
        orders.base_grand_total,
        orders.base_total_paid,
        orders.base_total_refunded,
        orders.total_qty_ordered,
        orders.total_item_count,
        orders.weight,
        coalesce(orders.is_virtual, false) as is_virtual,
        orders.coupon_code,
        orders.applied_rule_ids,
        orders.discount_description,
        orders.shipping_method,
        orders.shipping_description,
        {{ mask_text('orders.customer_note') }} as customer_note,
        {{ mask_ip('orders.remote_ip') }} as remote_ip,
        orders.created_at,
        orders.updated_at,
        'magento' as source,
        {{ sync_run_timestamp() }} as _synced_at
    from orders
    inner join ids
        on orders.order_id = ids.magento_id
    left join customers
        on
            orders.customer_id = customers.magento_id
            and orders.customer_reference_status = 'linked'
    left join order_statuses
        on orders.status = order_statuses.status
    left join service_statuses
        on
            orders.state = service_statuses.state
            and orders.status = service_statuses.status
    left join state_service_statuses
        on orders.state = state_service_statuses.state

)

select * from final
