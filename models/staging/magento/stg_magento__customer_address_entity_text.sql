with

source as (

    {{ magento_source('customer_address_entity_text') }}

),

renamed as (

    select
        -- ids
        value_id,
        attribute_id,
        entity_id,
        -- text
        value,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
