-- Every reward points balance (Adobe Commerce magento_reward; empty on Magento Open Source) with
-- the migration's verdict. A balance belongs to a customer and follows the customer's verdict:
-- left out with it (migration_start_date), quarantined with it, or quarantined as an orphan.

with

rewards as (

    select * from {{ ref('stg_magento__magento_reward') }}

),

customers as (

    select * from {{ ref('int_customers_checked') }}

),

checks as (

    select
        rewards.*,
        {{ parent_quarantine_reason('customers', 'rewards.customer_id', 'customer') }}
            as customer_reason,
        coalesce(customers.migration_status = 'before_migration_start', false)
            as is_before_migration_start
    from rewards
    left join customers
        on rewards.customer_id = customers.customer_id

),

final as (

    select
        *,
        {{ quarantine_reason(['customer_reason']) }} as quarantine_reason,
        {{ migration_status(['customer_reason'], 'is_before_migration_start') }} as migration_status
    from checks

)

select * from final
