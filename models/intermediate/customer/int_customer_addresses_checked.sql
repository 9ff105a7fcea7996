-- Every Magento customer address with the migration's verdict. An address follows its customer:
-- left out with it (migration_start_date), quarantined with it, or quarantined as an orphan when
-- the customer does not exist.

with

addresses as (

    select * from {{ ref('int_customer_addresses_pivoted') }}

),

customers as (

    select * from {{ ref('int_customers_checked') }}

),

checks as (

    select
        addresses.*,
        customers.default_billing_address_id = addresses.customer_address_id as is_default_billing,
        customers.default_shipping_address_id = addresses.customer_address_id
            as is_default_shipping,
        {{ parent_quarantine_reason('customers', 'addresses.customer_id', 'customer') }}
            as customer_reason,
        case
            when addresses.country_id is null or addresses.country_id !~ '^[A-Z]{2}$'
                then 'invalid country code: ' || coalesce(addresses.country_id, 'NULL')
                    || ' (an ISO 3166-1 alpha-2 code is expected)'
        end as country_reason,
        coalesce(customers.migration_status = 'before_migration_start', false)
            as is_before_migration_start
    from addresses
    left join customers
        on addresses.customer_id = customers.customer_id

),

final as (

    select
        *,
        {{ quarantine_reason(['customer_reason', 'country_reason']) }} as quarantine_reason,
        {{ migration_status(['customer_reason', 'country_reason'], 'is_before_migration_start') }}
            as migration_status
    from checks

)

select * from final
