with

source as (

    {{ magento_source('review_store') }}

),

renamed as (

    select
        -- ids
        review_id,
        store_id,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
