-- One row per category and store view (store_id > 0): the category's store-view values as that
-- view shows them (macro eav_store_views_pivoted); global attributes (is_anchor, ...) are in
-- int_categories_pivoted. What category_localizations serves. A sync consumer keyed by category.

{{ eav_store_views_pivoted(
    'category',
    'stg_magento__catalog_category_entity',
    'category_id',
) }}
