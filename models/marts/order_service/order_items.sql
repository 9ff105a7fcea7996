-- A service table kept in place by the sync: only rows that differ are written (macro
-- sync_service_table); a deleted parent item takes its child items with it (the self foreign key
-- cascades).

{{ sync_service_table(
    pre_hook="{{ create_try_cast_jsonb() }}",
    post_hook="{{ self_foreign_key('parent_item_id') }}",
) }}

with

items as (

    select * from {{ ref('int_order_items_checked') }}
    where migration_status = 'migrated'

),

orders as (

    select
        id,
        magento_id
    from {{ ref('orders') }}

),

products as (

    select
        id,
        magento_id
    from {{ ref('products') }}

),

ids as (

    select * from {{ ref('magento_ids__order_item') }}

),

final as (

    select
        ids.new_uuid as id,
        items.order_item_id as magento_id,
        orders.id as order_id,
        parent_ids.new_uuid as parent_item_id,
        products.id as product_id,
        items.product_reference_status,
        items.product_id as magento_product_id,
        items.sku,
        items.name,
        items.product_type,
        items.qty_ordered,
        items.qty_invoiced,
        items.qty_shipped,
        items.qty_refunded,
        items.qty_canceled,
        items.price,
        items.base_price,
        items.original_price,
        items.price_incl_tax,
        items.row_total,
        items.base_row_total,
        items.row_total_incl_tax,
        items.tax_amount,
        items.tax_percent,
        items.discount_amount,
        items.discount_percent,
        items.amount_refunded,
        items.weight,
        coalesce(items.is_virtual, false) as is_virtual,
        items.applied_rule_ids,
        {{ mask_json(json_or_null('items.product_options')) }} as product_options,
        {{ serialized_format('items.product_options') }} as product_options_format,
        {{ mask_text(unparsed_text('items.product_options')) }} as product_options_raw,
        items.created_at,
        items.updated_at,
        'magento' as source,
        {{ sync_run_timestamp() }} as _synced_at
    from items
    inner join ids
        on items.order_item_id = ids.magento_id
    inner join orders
        on items.order_id = orders.magento_id
    left join ids as parent_ids
        on items.parent_item_id = parent_ids.magento_id
    left join products
        on
            items.product_id = products.magento_id
            and items.product_reference_status = 'linked'

)

select * from final
