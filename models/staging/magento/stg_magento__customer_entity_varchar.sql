with

source as (

    {{ magento_source('customer_entity_varchar') }}

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
