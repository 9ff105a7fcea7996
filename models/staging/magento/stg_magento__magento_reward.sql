with

source as (

    {{ magento_source('magento_reward') }}

),

renamed as (

    select
        -- ids
        reward_id,
        customer_id,
        website_id,
        -- numbers
        points_balance,
        -- text
        website_currency_code,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
