with

wishlists as (

    select * from {{ ref('int_wishlists_checked') }}
    where migration_status = 'migrated'

),

customers as (

    select
        id,
        magento_id
    from {{ ref('customers') }}

),

ids as (

    select * from {{ ref('magento_ids__wishlist') }}

),

final as (

    select
        ids.new_uuid as id,
        wishlists.wishlist_id as magento_id,
        customers.id as customer_id,
        {{ mask_text('wishlists.sharing_code') }} as sharing_code,
        coalesce(wishlists.shared, false) as is_shared,
        wishlists.updated_at,
        'magento' as source
    from wishlists
    inner join ids
        on wishlists.wishlist_id = ids.magento_id
    inner join customers
        on wishlists.customer_id = customers.magento_id

)

select * from final
