with

source as (

    {{ magento_source('rating_store') }}

),

renamed as (

    select
        -- ids
        rating_id,
        store_id,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
