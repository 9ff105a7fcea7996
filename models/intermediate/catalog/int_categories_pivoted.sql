{{ sync_consumer(
    entity_type='category',
    scope_key='category_id',
    unique_key='category_id',
    indexes=[{'columns': ['category_id'], 'unique': true}],
) }}

-- One row per category with its tree position and its default-scope (store 0) attribute values;
-- attributes without a column of their own are kept in one jsonb object.
-- Incremental: a sync run recomputes only the categories the change feed marks affected (their own
-- row or any of their EAV value rows changed or was deleted; all of them after an EAV metadata
-- or store change), deletes their rows and inserts their current ones, so deleted ones go.

{%- set mapped_attributes = eav_attribute_columns('category') %}

with

categories as (

    select * from {{ ref('stg_magento__catalog_category_entity') }}
    {{ sync_affected_filter('category_id') }}

),

default_scope_values as (

    select * from {{ ref('int_category_store_values_resolved') }}
    where store_id = 0 {{ sync_affected_filter('entity_id', 'and') }}

),

pivoted as (

    {{ eav_pivot('default_scope_values', ['entity_id'], mapped_attributes) }}

),

final as (

    select
        categories.category_id,
        categories.parent_category_id,
        categories.attribute_set_id,
        categories.path,
        categories.level,
        categories.position,
        categories.children_count,
        {%- for attribute in mapped_attributes %}
        pivoted.{{ attribute.column | default(attribute.code) }},
        {%- endfor %}
        coalesce(pivoted.attributes, '{}'::jsonb) as attributes,
        categories.created_at,
        categories.updated_at
    from categories
    left join pivoted
        on categories.category_id = pivoted.entity_id

)

select * from final
