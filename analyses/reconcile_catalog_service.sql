-- Reconciliation of the catalog service with Magento: products, categories and their links.

{{ reconciliation_report('catalog_service') }}
