with

source as (

    {{ magento_source('newsletter_subscriber') }}

),

renamed as (

    select
        -- ids
        subscriber_id,
        store_id,
        nullif(customer_id, 0) as customer_id,
        -- numbers
        subscriber_status,
        -- timestamps
        change_status_at,
        -- text
        subscriber_email,
        subscriber_confirm_code,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
