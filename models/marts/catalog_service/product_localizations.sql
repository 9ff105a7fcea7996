{{ sync_consumer(
    entity_type='product',
    scope_key='magento_product_id',
    mode='diff',
    unique_key=['product_id', 'store_id'],
    on_schema_change='append_new_columns',
    tables=['catalog_product_website'],
) }}

-- One row per migrated product and store view (store_id > 0): the product as Magento shows it in
-- that view (int_product_store_views_pivoted, by Magento's store-scope rule) and whether it is
-- sold in the view's website.
-- Incremental (strategy `sync`): a sync run recomputes only the products the change feed marks
-- affected (a value or website row changed or was deleted) and the products new to the table,
-- all of them after an EAV metadata or store change, then writes only the rows that differ.
-- A product leaving `products` takes its rows with it (ON DELETE CASCADE).

{%- set affected_ids = sync_affected_ids() if is_incremental() else none %}
{%- set only_affected = affected_ids is not none %}

with

products as (

    select
        migrated_products.id,
        migrated_products.magento_id
    from {{ ref('products') }} as migrated_products
    {%- if only_affected %}
    where
        migrated_products.magento_id = any({{ affected_ids }})
        or not exists (
            select 1
            from {{ this }} as localized
            where localized.product_id = migrated_products.id
        )
    {%- endif %}

),

store_views as (

    select * from {{ ref('int_store_scopes') }}
    where not is_default_scope

),

localized_values as (

    select * from {{ ref('int_product_store_views_pivoted') }}
    {%- if only_affected %}
    where product_id in (select products.magento_id from products)
    {%- endif %}

),

product_websites as (

    select * from {{ ref('stg_magento__catalog_product_website') }}
    {%- if only_affected %}
    where product_id in (select products.magento_id from products)
    {%- endif %}

),

final as (

    select
        products.id as product_id,
        store_views.store_id,
        products.magento_id as magento_product_id,
        store_views.store_code,
        store_views.website_id,
        product_websites.product_id is not null as is_in_website,
        {%- for attribute in eav_localized_attribute_columns('product') %}
        localized_values.{{ attribute.column | default(attribute.code) }},
        {%- endfor %}
        localized_values.attributes,
        localized_values.global_option_labels,
        localized_values.overridden_attributes,
        'magento' as source,
        {{ sync_run_timestamp() }} as _synced_at
    from products
    inner join localized_values
        on products.magento_id = localized_values.product_id
    inner join store_views
        on localized_values.store_id = store_views.store_id
    left join product_websites
        on
            products.magento_id = product_websites.product_id
            and store_views.website_id = product_websites.website_id

)

select * from final
