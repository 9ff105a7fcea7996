with

source as (

    {{ magento_source('customer_entity_datetime') }}

),

renamed as (

    select
        -- ids
        value_id,
        attribute_id,
        entity_id,
        -- timestamps
        value,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
