with

source as (

    {{ magento_source('magento_reward_history') }}

),

renamed as (

    select
        -- ids
        history_id,
        reward_id,
        website_id,
        store_id,
        entity as related_entity_id,
        -- flags
        cast(is_expired as boolean) as is_expired,
        cast(notification_sent as boolean) as notification_sent,
        -- numbers
        action,
        points_balance,
        points_delta,
        points_used,
        points_voided,
        currency_amount,
        currency_delta,
        is_duplicate_of,
        -- timestamps
        created_at,
        expired_at_static,
        expired_at_dynamic,
        -- text
        base_currency_code,
        additional_data,
        comment,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
