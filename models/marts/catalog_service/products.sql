-- A service table kept in place by the sync: only rows that differ are written (macro
-- sync_service_table).

{{ sync_service_table() }}

with

products as (

    select * from {{ ref('int_products_checked') }}
    where migration_status = 'migrated'

),

ids as (

    select * from {{ ref('magento_ids__product') }}

),

final as (

    select
        ids.new_uuid as id,
        products.product_id as magento_id,
        products.attribute_set_id,
        products.type_id,
        products.sku,
        products.name,
        products.url_key,
        products.url_path,
        products.image,
        products.small_image,
        products.thumbnail,
        products.description,
        products.short_description,
        products.meta_title,
        products.meta_keywords,
        products.meta_description,
        products.status,
        products.visibility,
        coalesce(products.has_options, false) as has_options,
        coalesce(products.required_options, false) as required_options,
        products.price,
        products.special_price,
        products.special_from_date,
        products.special_to_date,
        products.cost,
        products.msrp,
        products.attributes,
        products.created_at,
        products.updated_at,
        'magento' as source,
        {{ sync_run_timestamp() }} as _synced_at
    from products
    inner join ids
        on products.product_id = ids.magento_id

)

select * from final
