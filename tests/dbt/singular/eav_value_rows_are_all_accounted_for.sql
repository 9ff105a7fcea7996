-- Every row of every EAV value table is read into its entity (through the *_values_unioned
-- models the pivots consume), quarantined, or excluded - exactly once. Returns the tables where
-- staged rows <> consumed + quarantined + excluded.

{%- set entity_tables = [
    ('catalog_product', 'catalog_product_entity', 'int_product_attribute_values_unioned', 'stg_magento__catalog_product_entity', 'product_id'),
    ('catalog_category', 'catalog_category_entity', 'int_category_attribute_values_unioned', 'stg_magento__catalog_category_entity', 'category_id'),
    ('customer', 'customer_entity', 'int_customer_attribute_values_unioned', 'stg_magento__customer_entity', 'customer_id'),
    ('customer_address', 'customer_address_entity', 'int_customer_address_attribute_values_unioned', 'stg_magento__customer_address_entity', 'customer_address_id'),
] %}

with

accounting as (

    {%- for entity_type, prefix, unioned, entity_model, entity_key in entity_tables %}
    {%- set outer_loop = loop %}
    {%- for backend_type in eav_backend_types() %}
    {%- set source_table = prefix ~ '_' ~ backend_type %}
    select
        '{{ source_table }}' as source_table,
        (select count(*) from {{ ref('stg_magento__' ~ source_table) }}) as staged,
        (
            select count(*)
            from {{ ref(unioned) }} as consumed
            inner join {{ ref(entity_model) }} as entities
                on consumed.entity_id = entities.{{ entity_key }}
            where
                consumed.backend_type = '{{ backend_type }}'
                and not (consumed.scope = 'global' and consumed.store_id <> 0)
        ) as consumed,
        (
            select count(*) from {{ ref('quarantine') }}
            where source_table = '{{ source_table }}'
        ) as quarantined,
        (
            select count(*) from {{ ref('exclusions') }}
            where source_table = '{{ source_table }}'
        ) as excluded
    {%- if not (outer_loop.last and loop.last) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}

)

select *
from accounting
where staged <> consumed + quarantined + excluded
