with

source as (

    {{ magento_source('eav_attribute_option') }}

),

renamed as (

    select
        -- ids
        option_id,
        attribute_id,
        -- numbers
        sort_order,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
