with

subscribers as (

    select * from {{ ref('int_newsletter_subscribers_checked') }}
    where migration_status = 'migrated'

),

customers as (

    select
        id,
        magento_id
    from {{ ref('customers') }}

),

ids as (

    select * from {{ ref('magento_ids__newsletter_subscriber') }}

),

final as (

    select
        ids.new_uuid as id,
        subscribers.subscriber_id as magento_id,
        customers.id as customer_id,
        subscribers.customer_reference_status,
        {{ mask_email('subscribers.subscriber_email') }} as email,
        {{ magento_code('newsletter_status', 'subscribers.subscriber_status') }} as status,
        subscribers.subscriber_status as magento_status,
        subscribers.store_id,
        subscribers.change_status_at,
        'magento' as source
    from subscribers
    inner join ids
        on subscribers.subscriber_id = ids.magento_id
    left join customers
        on
            subscribers.customer_id = customers.magento_id
            and subscribers.customer_reference_status = 'linked'

)

select * from final
