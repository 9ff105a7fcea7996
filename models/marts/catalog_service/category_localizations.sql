-- One row per migrated category and store view (store_id > 0): the category's store-view values
-- as Magento shows them there (int_category_store_views_pivoted). A store-view row wins when it
-- exists, even with a NULL value (the "Use Default Value" box unticked and the field left
-- empty); without one the default (store 0) value applies. Global attributes (is_anchor,
-- path, ...) have one value for every view: they are in categories.

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

localized_values as (

    select * from {{ ref('int_category_store_views_pivoted') }}

),

final as (

    select
        categories.id as category_id,
        store_views.store_id,
        categories.magento_id as magento_category_id,
        store_views.store_code,
        store_views.website_id,
        {%- for attribute in eav_localized_attribute_columns('category') %}
        localized_values.{{ attribute.column | default(attribute.code) }},
        {%- endfor %}
        localized_values.attributes,
        localized_values.overridden_attributes,
        'magento' as source
    from categories
    inner join localized_values
        on categories.magento_id = localized_values.category_id
    inner join store_views
        on localized_values.store_id = store_views.store_id

)

select * from final
