with

source as (

    {{ magento_source('sequence_catalog_category') }}

),

renamed as (

    select
        -- ids
        sequence_value as category_id,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
