with

source as (

    {{ magento_source('sales_order_status_state') }}

),

renamed as (

    select
        -- flags
        cast(is_default as boolean) as is_default,
        cast(visible_on_front as boolean) as visible_on_front,
        -- text
        status,
        state,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
