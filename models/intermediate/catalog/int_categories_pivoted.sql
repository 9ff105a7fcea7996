{{
    config(
        materialized='incremental',
        incremental_strategy='sync',
        sync_mode='replace',
        sync_scope_key='category_id',
        unique_key='category_id',
        on_schema_change='fail',
        indexes=[{'columns': ['category_id'], 'unique': true}],
        post_hook=["{{ sync_record_position() }}"],
    )
}}

-- depends_on: {{ ref('int_sync_plans') }}
-- depends_on: {{ ref('int_sync_affected_ids') }}
-- depends_on: {{ ref('int_sync_consumer_positions') }}

-- One row per category with its tree position and its default-scope (store 0) attribute values;
-- attributes without a column of their own are kept in one jsonb object.
-- Incremental: a sync run recomputes only the categories the change feed marks affected (their own
-- row or any of their EAV value rows changed or was deleted; all of them after an EAV metadata
-- or store change), deletes their rows and inserts their current ones, so deleted ones go.

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
