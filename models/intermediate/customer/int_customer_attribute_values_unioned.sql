{{ config(materialized='view') }}

{{ eav_values_unioned('customer', 'customer_entity', has_store_id=false) }}
