with

source as (

    {{ magento_source('review_status') }}

),

renamed as (

    select
        -- ids
        status_id as review_status_id,
        -- text
        status_code,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
