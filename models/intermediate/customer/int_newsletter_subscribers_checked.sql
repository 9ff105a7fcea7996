-- Every newsletter subscription with the migration's verdict. Subscriptions stand on their own
-- (guests included): only one without a usable email is quarantined. The link to the customer is
-- kept when the customer is migrated, and its absence explained otherwise.

with

subscribers as (

    select * from {{ ref('stg_magento__newsletter_subscriber') }}

),

customers as (

    select * from {{ ref('int_customers_checked') }}

),

checks as (

    select
        subscribers.*,
        {{ customer_reference_status('subscribers.customer_id', 'customers') }}
            as customer_reference_status,
        case
            when subscribers.subscriber_email is null or trim(subscribers.subscriber_email) = ''
                then 'missing email'
            when subscribers.subscriber_email !~ '{{ valid_email_regex() }}'
                then 'invalid email: ' || {{ mask_text('subscribers.subscriber_email') }}
        end as email_reason
    from subscribers
    left join customers
        on subscribers.customer_id = customers.customer_id

),

final as (

    select
        *,
        {{ quarantine_reason(['email_reason']) }} as quarantine_reason,
        {{ migration_status(['email_reason']) }} as migration_status
    from checks

)

select * from final
