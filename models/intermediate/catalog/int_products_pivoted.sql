{{ sync_consumer(
    entity_type='product',
    scope_key='product_id',
    unique_key='product_id',
    indexes=[{'columns': ['product_id'], 'unique': true}],
) }}

-- One row per product with its default-scope (store 0) attribute values: the attributes the
-- catalog service names as columns, and every other attribute, with select/multiselect values
-- as admin labels, in one jsonb object.
-- Incremental: a sync run recomputes only the products the change feed marks affected (their own
-- row or any of their EAV value rows changed or was deleted; all of them after an EAV metadata
-- or store change), deletes their rows and inserts their current ones, so deleted ones go.

{%- set mapped_attributes = eav_attribute_columns('product') %}

with

products as (

    select * from {{ ref('stg_magento__catalog_product_entity') }}
    {{ sync_affected_filter('product_id') }}

),

default_scope_values as (

    select * from {{ ref('int_product_store_values_resolved') }}
    where store_id = 0 {{ sync_affected_filter('entity_id', 'and') }}

),

pivoted as (

    {{ eav_pivot('default_scope_values', ['entity_id'], mapped_attributes) }}

),

final as (

    select
        products.product_id,
        products.attribute_set_id,
        products.type_id,
        products.sku,
        {%- for attribute in mapped_attributes %}
        pivoted.{{ attribute.column | default(attribute.code) }},
        {%- endfor %}
        products.has_options,
        products.required_options,
        coalesce(pivoted.attributes, '{}'::jsonb) as attributes,
        products.created_at,
        products.updated_at
    from products
    left join pivoted
        on products.product_id = pivoted.entity_id

)

select * from final
