with

source as (

    {{ magento_source('eav_attribute_set') }}

),

renamed as (

    select
        -- ids
        attribute_set_id,
        entity_type_id,
        -- numbers
        sort_order,
        -- text
        attribute_set_name,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
