with

source as (

    {{ magento_source('customer_entity_decimal') }}

),

renamed as (

    select
        -- ids
        value_id,
        attribute_id,
        entity_id,
        -- numbers
        value,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
