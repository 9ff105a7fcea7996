-- Every Magento order address (the billing and shipping snapshot of an order) with the
-- migration's verdict: it follows its order, and an address that is neither billing nor shipping
-- is quarantined.

with

addresses as (

    select * from {{ ref('stg_magento__sales_order_address') }}

),

orders as (

    select * from {{ ref('int_orders_checked') }}

),

checks as (

    select
        addresses.*,
        {{ parent_quarantine_reason('orders', 'addresses.order_id', 'order') }} as order_reason,
        case
            when addresses.address_type is null
                then 'missing address_type'
            when addresses.address_type not in ('billing', 'shipping')
                then 'unknown address_type: ' || addresses.address_type
        end as address_type_reason
    from addresses
    left join orders
        on addresses.order_id = orders.order_id

),

final as (

    select
        *,
        {{ quarantine_reason(['order_reason', 'address_type_reason']) }} as quarantine_reason,
        {{ migration_status(['order_reason', 'address_type_reason']) }} as migration_status
    from checks

)

select * from final
