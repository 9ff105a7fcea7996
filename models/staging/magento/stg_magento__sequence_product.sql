with

source as (

    {{ magento_source('sequence_product') }}

),

renamed as (

    select
        -- ids
        sequence_value as product_id,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
