with

source as (

    {{ magento_source('wishlist_item') }}

),

renamed as (

    select
        -- ids
        wishlist_item_id,
        wishlist_id,
        product_id,
        store_id,
        -- numbers
        qty,
        -- timestamps
        added_at,
        -- text
        description,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
