-- Every Magento customer with the migration's verdict: migrated, left out by the
-- migration_start_date filter, or quarantined with a reason. The customers mart takes the
-- migrated ones; migration.quarantine lists the quarantined ones with their row.
-- Emails are compared trimmed and case-insensitively, as Magento's unique key (email, website)
-- means them: of two accounts with the same email in one website the older one is migrated.

with

customers as (

    select * from {{ ref('int_customers_pivoted') }}

),

emails as (

    select
        customers.*,
        trim(customers.email) as clean_email,
        row_number() over (
            partition by customers.website_id, lower(trim(customers.email))
            order by customers.customer_id
        ) as email_rank,
        first_value(customers.customer_id) over (
            partition by customers.website_id, lower(trim(customers.email))
            order by customers.customer_id
        ) as email_owner_id
    from customers

),

checks as (

    select
        emails.*,
        case
            when emails.clean_email is null or emails.clean_email = ''
                then 'missing email'
            when emails.clean_email !~ '{{ valid_email_regex() }}'
                then 'invalid email: ' || {{ mask_text('emails.email') }}
            when emails.email_rank > 1
                then 'duplicate email: ' || {{ mask_email('emails.clean_email') }}
                    || ' already belongs to customer '
                    || emails.email_owner_id || ' in website ' || emails.website_id
        end as email_reason,
        {%- if var('migration_start_date') %}
        coalesce(
            emails.created_at < cast('{{ var("migration_start_date") }}' as timestamptz), false
        ) as is_before_migration_start
        {%- else %}
        false as is_before_migration_start
        {%- endif %}
    from emails

),

final as (

    select
        *,
        {{ quarantine_reason(['email_reason']) }} as quarantine_reason,
        {{ migration_status(['email_reason'], 'is_before_migration_start') }} as migration_status
    from checks

)

select * from final
