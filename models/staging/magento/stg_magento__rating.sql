with

source as (

    {{ magento_source('rating') }}

),

renamed as (

    select
        -- ids
        rating_id,
        entity_id,
        -- flags
        cast(is_active as boolean) as is_active,
        -- numbers
        position,
        -- text
        rating_code,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
