-- Every Magento wishlist with the migration's verdict; a wishlist follows its customer.

with

wishlists as (

    select * from {{ ref('stg_magento__wishlist') }}

),

customers as (

    select * from {{ ref('int_customers_checked') }}

),

checks as (

    select
        wishlists.*,
        {{ parent_quarantine_reason('customers', 'wishlists.customer_id', 'customer') }}
            as customer_reason,
        coalesce(customers.migration_status = 'before_migration_start', false)
            as is_before_migration_start
    from wishlists
    left join customers
        on wishlists.customer_id = customers.customer_id

),

final as (

    select
        *,
        {{ quarantine_reason(['customer_reason']) }} as quarantine_reason,
        {{ migration_status(['customer_reason'], 'is_before_migration_start') }} as migration_status
    from checks

)

select * from final
