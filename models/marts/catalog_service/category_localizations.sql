-- One row per migrated category and store view (store_id > 0): the category's store-view values
-- as Magento shows them there. A store-view row wins when it exists, even with a NULL value
-- (the "Use Default Value" box unticked and the field left empty); without one the default
-- (store 0) value applies (int_category_store_values_resolved). Global attributes (is_anchor,
-- path, ...) have one value for every view: they are in categories.

{%- set mapped_attributes = [
    {'code': 'name', 'type': 'text'},
    {'code': 'url_key', 'type': 'text'},
    {'code': 'url_path', 'type': 'text'},
    {'code': 'is_active', 'type': 'boolean'},
    {'code': 'include_in_menu', 'type': 'boolean'},
    {'code': 'display_mode', 'type': 'text'},
    {'code': 'description', 'type': 'text'},
    {'code': 'image', 'type': 'text'},
    {'code': 'meta_title', 'type': 'text'},
    {'code': 'meta_keywords', 'type': 'text'},
    {'code': 'meta_description', 'type': 'text'},
] %}

with

categories as (

    select
        id,
        magento_id
    from {{ ref('categories') }}

),

store_views as (

    select * from {{ ref('int_store_scopes') }}
    where not is_default_scope

),

store_values as (

    select * from {{ ref('int_category_store_values_resolved') }}
    where store_id <> 0

),

pivoted as (

    {{ eav_pivot('store_values', ['entity_id', 'store_id'], mapped_attributes) }}

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

final as (

    select
        categories.id as category_id,
        store_views.store_id,
        categories.magento_id as magento_category_id,
        store_views.store_code,
        store_views.website_id,
        {%- for attribute in mapped_attributes %}
        pivoted.{{ attribute.column | default(attribute.code) }},
        {%- endfor %}
        coalesce(pivoted.attributes, '{}'::jsonb) as attributes,
        coalesce(overrides.overridden_attributes, '[]'::jsonb) as overridden_attributes,
        'magento' as source
    from categories
    cross join store_views
    left join pivoted
        on
            categories.magento_id = pivoted.entity_id
            and store_views.store_id = pivoted.store_id
    left join overrides
        on
            categories.magento_id = overrides.entity_id
            and store_views.store_id = overrides.store_id

)

select * from final
