with

source as (

    {{ magento_source('salesrule_coupon') }}

),

renamed as (

    select
        -- ids
        coupon_id,
        rule_id,
        -- flags
        cast(is_primary as boolean) as is_primary,
        -- numbers
        usage_limit,
        usage_per_customer,
        times_used,
        type,
        -- timestamps
        expiration_date,
        created_at,
        -- text
        code,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
