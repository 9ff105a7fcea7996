{{ config(materialized='table', indexes=[{'columns': ['category_id'], 'unique': true}]) }}

-- One row per category with its tree position and its default-scope (store 0) attribute values;
-- attributes without a column of their own are kept in one jsonb object.

{%- set mapped_attributes = [
    {'code': 'name', 'type': 'text'},
    {'code': 'url_key', 'type': 'text'},
    {'code': 'url_path', 'type': 'text'},
    {'code': 'is_active', 'type': 'boolean'},
    {'code': 'include_in_menu', 'type': 'boolean'},
    {'code': 'is_anchor', 'type': 'boolean'},
    {'code': 'display_mode', 'type': 'text'},
    {'code': 'description', 'type': 'text'},
    {'code': 'image', 'type': 'text'},
    {'code': 'meta_title', 'type': 'text'},
    {'code': 'meta_keywords', 'type': 'text'},
    {'code': 'meta_description', 'type': 'text'},
] %}

with

categories as (

    select * from {{ ref('stg_magento__catalog_category_entity') }}

),

default_scope_values as (

    select * from {{ ref('int_category_store_values_resolved') }}
    where store_id = 0

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
