with

source as (

    {{ magento_source('rating_option') }}

),

renamed as (

    select
        -- ids
        option_id as rating_option_id,
        rating_id,
        -- numbers
        value as option_value,
        position,
        -- text
        code as option_code,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
