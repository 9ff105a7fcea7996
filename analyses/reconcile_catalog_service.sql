-- Reconciliation of the catalog service with Magento: products, categories and their links.

{{ reconciliation_report(
    row_checks=[
        ('products', 'catalog_product_entity'),
        ('categories', 'catalog_category_entity'),
        ('product_categories', 'catalog_category_product'),
        ('product_relations', 'catalog_product_relation', 'in_product_relation'),
        ('product_relations', 'catalog_product_super_link', 'in_super_link'),
        ('product_websites', 'catalog_product_website'),
        ('product_media', 'catalog_product_entity_media_gallery_value_to_entity'),
        ('url_rewrites', 'url_rewrite'),
    ],
) }}
