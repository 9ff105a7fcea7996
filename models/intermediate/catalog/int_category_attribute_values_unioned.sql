{{ config(materialized='view') }}

{{ eav_values_unioned('catalog_category', 'catalog_category_entity', has_store_id=true) }}
