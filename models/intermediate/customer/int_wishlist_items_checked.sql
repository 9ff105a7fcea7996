-- Every Magento wishlist item with the migration's verdict: it follows its wishlist, and an item
-- whose product no longer exists is quarantined (a wishlist line without a product means nothing).

with

items as (

    select * from {{ ref('stg_magento__wishlist_item') }}

),

wishlists as (

    select * from {{ ref('int_wishlists_checked') }}

),

products as (

    select * from {{ ref('int_products_checked') }}

),

checks as (

    select
        items.*,
        {{ parent_quarantine_reason('wishlists', 'items.wishlist_id', 'wishlist') }}
            as wishlist_reason,
        {{ parent_quarantine_reason('products', 'items.product_id', 'product') }}
            as product_reason,
        coalesce(wishlists.migration_status = 'before_migration_start', false)
            as is_before_migration_start
    from items
    left join wishlists
        on items.wishlist_id = wishlists.wishlist_id
    left join products
        on items.product_id = products.product_id

),

final as (

    select
        *,
        {{ quarantine_reason(['wishlist_reason', 'product_reason']) }} as quarantine_reason,
        {{ migration_status(['wishlist_reason', 'product_reason'], 'is_before_migration_start') }}
            as migration_status
    from checks

)

select * from final
