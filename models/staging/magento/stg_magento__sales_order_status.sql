with

source as (

    {{ magento_source('sales_order_status') }}

),

renamed as (

    select
        -- text
        status,
        label as status_label,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
