{{ config(materialized='view') }}

{{ eav_values_unioned('customer_address', 'customer_address_entity', has_store_id=false) }}
