with

source as (

    {{ magento_source('wishlist') }}

),

renamed as (

    select
        -- ids
        wishlist_id,
        customer_id,
        -- flags
        cast(shared as boolean) as shared,
        -- timestamps
        updated_at,
        -- text
        sharing_code,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
