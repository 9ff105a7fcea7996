-- Every product attribute value as Magento shows it in the default scope and each store view
-- (macro eav_store_values_resolved); a sync consumer keyed by product.

{{ eav_store_values_resolved('product') }}
