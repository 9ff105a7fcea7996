with

source as (

    {{ magento_source('customer_group') }}

),

renamed as (

    select
        -- ids
        customer_group_id,
        tax_class_id,
        -- text
        customer_group_code,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
