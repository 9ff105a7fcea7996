-- A product's gallery images and videos. Magento keeps their per-store label, position and
-- hidden flag in catalog_product_entity_media_gallery_value, which is not replicated; the roles
-- (base, small, thumbnail) come from the product's image attributes (default scope).

with

media as (

    select * from {{ ref('int_product_media_checked') }}
    where migration_status = 'migrated'

),

products as (

    select
        id,
        magento_id,
        image,
        small_image,
        thumbnail
    from {{ ref('products') }}

),

final as (

    select
        products.id as product_id,
        media.media_gallery_value_id as magento_media_id,
        products.magento_id as magento_product_id,
        media.file_path,
        media.media_type,
        coalesce(media.disabled, false) as is_disabled,
        coalesce(media.file_path = products.image, false) as is_base_image,
        coalesce(media.file_path = products.small_image, false) as is_small_image,
        coalesce(media.file_path = products.thumbnail, false) as is_thumbnail,
        'magento' as source
    from media
    inner join products
        on media.product_id = products.magento_id

)

select * from final
