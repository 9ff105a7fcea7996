with

source as (

    {{ magento_source('eav_attribute_option_value') }}

),

renamed as (

    select
        -- ids
        value_id,
        option_id,
        store_id,
        -- text
        value,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
