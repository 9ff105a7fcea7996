{{
    config(
        materialized='incremental',
        incremental_strategy='sync',
        unique_key=['product_id', 'store_id'],
        sync_scope_key='magento_product_id',
        on_schema_change='append_new_columns',
        post_hook=["{{ sync_record_position() }}"],
    )
}}

-- depends_on: {{ ref('int_sync_plans') }}
-- depends_on: {{ ref('int_sync_affected_ids') }}
-- depends_on: {{ ref('int_sync_consumer_positions') }}

-- One row per migrated product and store view (store_id > 0): the product as Magento shows it in
-- that view. Store- and website-scoped attributes are resolved by Magento's rule
-- (int_product_store_values_resolved): a store-view row wins when it exists, even with a NULL
-- value; without one the default (store 0) value applies. A mapped attribute that is global
-- (price and special_price unless catalog/price/scope is website, ...) has its default value in
-- every view: Magento ignores store rows of global attributes. `attributes` holds the other
-- non-global attributes with this view's option labels; `global_option_labels` the global
-- select/multiselect attributes (color, manufacturer, ...) with this view's labels.
-- Incremental (strategy `sync`): a sync run recomputes only the products the change feed marks
-- affected (a value or website row changed or was deleted) and the products new to the table,
-- all of them after an EAV metadata or store change, then writes only the rows that differ.
-- A product leaving `products` takes its rows with it (ON DELETE CASCADE).

{%- set mapped_attributes = [
    {'code': 'name', 'type': 'text'},
    {'code': 'url_key', 'type': 'text'},
    {'code': 'url_path', 'type': 'text'},
    {'code': 'status', 'type': 'integer'},
    {'code': 'visibility', 'type': 'integer'},
    {'code': 'description', 'type': 'text'},
    {'code': 'short_description', 'type': 'text'},
    {'code': 'meta_title', 'type': 'text'},
    {'code': 'meta_keyword', 'column': 'meta_keywords', 'type': 'text'},
    {'code': 'meta_description', 'type': 'text'},
    {'code': 'image', 'type': 'text'},
    {'code': 'small_image', 'type': 'text'},
    {'code': 'thumbnail', 'type': 'text'},
    {'code': 'price', 'type': 'numeric(20,6)'},
    {'code': 'special_price', 'type': 'numeric(20,6)'},
    {'code': 'special_from_date', 'type': 'timestamptz'},
    {'code': 'special_to_date', 'type': 'timestamptz'},
] %}
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

resolved_values as (

    select * from {{ ref('int_product_store_values_resolved') }}
    {%- if only_affected %}
    where entity_id in (select products.magento_id from products)
    {%- endif %}

),

product_websites as (

    select * from {{ ref('stg_magento__catalog_product_website') }}
    {%- if only_affected %}
    where product_id in (select products.magento_id from products)
    {%- endif %}

),

store_values as (

    -- non-global attributes, resolved per store view
    select
        entity_id,
        store_id,
        resolved_store_id,
        attribute_code,
        value,
        value_json
    from resolved_values
    where store_id <> 0

),

global_mapped_values as (

    -- mapped attributes that are global: the default value, in every store view
    select
        resolved_values.entity_id,
        store_views.store_id,
        resolved_values.resolved_store_id,
        resolved_values.attribute_code,
        resolved_values.value,
        resolved_values.value_json
    from resolved_values
    cross join store_views
    where
        resolved_values.store_id = 0
        and resolved_values.scope = 'global'
        and resolved_values.attribute_code in (
            {%- for attribute in mapped_attributes %}
            '{{ attribute.code }}'{{ ',' if not loop.last }}
            {%- endfor %}
        )

),

view_values as (

    select * from store_values
    union all
    select * from global_mapped_values

),

pivoted as (

    {{ eav_pivot('view_values', ['entity_id', 'store_id'], mapped_attributes) }}

),

overrides as (

    select
        entity_id,
        store_id,
        jsonb_agg(attribute_code order by attribute_code) as overridden_attributes
    from store_values
    where resolved_store_id = store_id
    group by entity_id, store_id

),

global_option_values as (

    select
        resolved_values.entity_id,
        store_views.store_id,
        resolved_values.attribute_code,
        resolved_values.value,
        resolved_values.value_kind
    from resolved_values
    cross join store_views
    where
        resolved_values.store_id = 0
        and resolved_values.scope = 'global'
        and resolved_values.value_kind in ('option', 'options')

),

global_option_labels as (

    select
        global_option_values.entity_id,
        global_option_values.store_id,
        jsonb_object_agg(
            global_option_values.attribute_code,
            {{ eav_value_json('global_option_values', 'global_option_values.store_id') }}
        ) as global_option_labels
    from global_option_values
    group by global_option_values.entity_id, global_option_values.store_id

),

final as (

    select
        products.id as product_id,
        store_views.store_id,
        products.magento_id as magento_product_id,
        store_views.store_code,
        store_views.website_id,
        product_websites.product_id is not null as is_in_website,
        {%- for attribute in mapped_attributes %}
        pivoted.{{ attribute.column | default(attribute.code) }},
        {%- endfor %}
        coalesce(pivoted.attributes, '{}'::jsonb) as attributes,
        coalesce(global_option_labels.global_option_labels, '{}'::jsonb) as global_option_labels,
        coalesce(overrides.overridden_attributes, '[]'::jsonb) as overridden_attributes,
        'magento' as source,
        {{ sync_run_timestamp() }} as _synced_at
    from products
    cross join store_views
    left join pivoted
        on
            products.magento_id = pivoted.entity_id
            and store_views.store_id = pivoted.store_id
    left join product_websites
        on
            products.magento_id = product_websites.product_id
            and store_views.website_id = product_websites.website_id
    left join overrides
        on
            products.magento_id = overrides.entity_id
            and store_views.store_id = overrides.store_id
    left join global_option_labels
        on
            products.magento_id = global_option_labels.entity_id
            and store_views.store_id = global_option_labels.store_id

)

select * from final
