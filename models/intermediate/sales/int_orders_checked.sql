-- Every Magento order with the migration's verdict. An order stands on its own: orders of guests,
-- of deleted customers and of customers left out (migration_start_date) or quarantined are all
-- migrated, with customer_id NULL in the service and customer_reference_status saying why. Only
-- an order whose state is not one of Magento's eight order states is quarantined.

{%- set order_states = [
    'new', 'pending_payment', 'processing', 'complete', 'closed', 'canceled', 'holded',
    'payment_review',
] %}

with

orders as (

    select * from {{ ref('stg_magento__sales_order') }}

),

customers as (

    select * from {{ ref('int_customers_checked') }}

),

checks as (

    select
        orders.*,
        {{ customer_reference_status(
            'orders.customer_id', 'customers', 'orders.customer_is_guest'
        ) }}
            as customer_reference_status,
        case
            when orders.state is null or trim(orders.state) = ''
                then 'missing order state'
            when orders.state not in (
                    {%- for value in order_states %}
                    '{{ value }}'{{ ',' if not loop.last }}
                    {%- endfor %}
                )
                then 'unknown order state: ' || orders.state
        end as state_reason
    from orders
    left join customers
        on orders.customer_id = customers.customer_id

),

final as (

    select
        *,
        {{ quarantine_reason(['state_reason']) }} as quarantine_reason,
        {{ migration_status(['state_reason']) }} as migration_status
    from checks

)

select * from final
