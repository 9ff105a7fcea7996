with

items as (

    select * from {{ ref('int_wishlist_items_checked') }}
    where migration_status = 'migrated'

),

wishlists as (

    select
        id,
        magento_id
    from {{ ref('wishlists') }}

),

product_ids as (

    select * from {{ ref('magento_ids__product') }}

),

ids as (

    select * from {{ ref('magento_ids__wishlist_item') }}

),

final as (

    select
        ids.new_uuid as id,
        items.wishlist_item_id as magento_id,
        wishlists.id as wishlist_id,
        product_ids.new_uuid as product_id,
        items.store_id,
        items.qty,
        {{ mask_text('items.description') }} as description,
        items.added_at,
        'magento' as source
    from items
    inner join ids
        on items.wishlist_item_id = ids.magento_id
    inner join wishlists
        on items.wishlist_id = wishlists.magento_id
    inner join product_ids
        on items.product_id = product_ids.magento_id

)

select * from final
