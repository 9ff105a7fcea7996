with

source as (

    {{ magento_source('review_entity') }}

),

renamed as (

    select
        -- ids
        entity_id as review_entity_id,
        -- text
        entity_code,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
