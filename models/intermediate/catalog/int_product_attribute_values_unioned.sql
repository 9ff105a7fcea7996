{{ config(materialized='view') }}

{{ eav_values_unioned('catalog_product', 'catalog_product_entity', has_store_id=true) }}
