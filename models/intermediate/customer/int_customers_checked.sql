-- Every Magento customer with the migration's verdict: migrated, left out by the
-- migration_start_date filter, or quarantined with a reason. The customers mart takes the
-- migrated ones; migration.quarantine lists the quarantined ones with their row.

with

customers as (

    select * from {{ ref('int_customers_pivoted') }}

),

checks as (

    select
        customers.*,
        case
            when customers.email is null or trim(customers.email) = ''
                then 'missing email'
            when customers.email !~ '{{ valid_email_regex() }}'
                then 'invalid email: ' || customers.email
        end as email_reason,
        {%- if var('migration_start_date') %}
        coalesce(
            customers.created_at < cast('{{ var("migration_start_date") }}' as timestamptz), false
        ) as is_before_migration_start
        {%- else %}
        false as is_before_migration_start
        {%- endif %}
    from customers

),

final as (

    select
        *,
        {{ quarantine_reason(['email_reason']) }} as quarantine_reason,
        {{ migration_status(['email_reason'], 'is_before_migration_start') }} as migration_status
    from checks

)

select * from final
