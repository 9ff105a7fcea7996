with

source as (

    {{ magento_source('review_detail') }}

),

renamed as (

    select
        -- ids
        detail_id as review_detail_id,
        review_id,
        store_id,
        customer_id,
        -- text
        title,
        detail,
        nickname,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
