-- Every product <-> gallery media link (catalog_product_entity_media_gallery_value_to_entity)
-- with the gallery entry it points at and the migration's verdict: it follows its product, and
-- needs its gallery entry (catalog_product_entity_media_gallery).
--
-- The link table has no id column (its key is (value_id, entity_id)): `product_media_key`
-- = product_id * 2^32 + value_id (both int unsigned in Magento) stands in for it in
-- migration.quarantine.

with

media_links as (

    select * from {{ ref('stg_magento__catalog_product_entity_media_gallery_value_to_entity') }}

),

gallery as (

    select * from {{ ref('stg_magento__catalog_product_entity_media_gallery') }}

),

products as (

    select * from {{ ref('int_products_checked') }}

),

checks as (

    select
        media_links.*,
        media_links.product_id * 4294967296 + media_links.media_gallery_value_id
            as product_media_key,
        gallery.file_path,
        gallery.media_type,
        gallery.disabled,
        {{ parent_quarantine_reason('products', 'media_links.product_id', 'product') }}
            as product_reason,
        case
            when gallery.media_gallery_value_id is null
                then 'orphan: media gallery entry '
                    || coalesce(cast(media_links.media_gallery_value_id as text), 'NULL')
                    || ' does not exist'
        end as gallery_reason
    from media_links
    left join gallery
        on media_links.media_gallery_value_id = gallery.media_gallery_value_id
    left join products
        on media_links.product_id = products.product_id

),

final as (

    select
        *,
        {{ quarantine_reason(['product_reason', 'gallery_reason']) }} as quarantine_reason,
        {{ migration_status(['product_reason', 'gallery_reason']) }} as migration_status
    from checks

)

select * from final
