-- One row per product and store view (store_id > 0): the product's values as that view shows
-- them, global mapped attributes (price, ...) with their default value and global
-- select/multiselect attributes with the view's labels (macro eav_store_views_pivoted); what
-- product_localizations serves. A sync consumer keyed by product.

{{ eav_store_views_pivoted(
    'product',
    'stg_magento__catalog_product_entity',
    'product_id',
    global_values=true,
) }}
