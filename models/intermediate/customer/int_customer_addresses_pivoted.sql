{{ config(materialized='table', indexes=[{'columns': ['customer_address_id'], 'unique': true}]) }}

-- One row per customer address. Core attributes are static columns of customer_address_entity
-- in Magento 2; an EAV-backed one is read from customer_address_entity_<type> instead. Custom
-- (user-defined) address attributes are kept in one jsonb object, select values as labels.

{%- set core_attributes = [
    {'code': 'prefix', 'type': 'text'},
    {'code': 'firstname', 'column': 'first_name', 'type': 'text'},
    {'code': 'middlename', 'column': 'middle_name', 'type': 'text'},
    {'code': 'lastname', 'column': 'last_name', 'type': 'text'},
    {'code': 'suffix', 'type': 'text'},
    {'code': 'company', 'type': 'text'},
    {'code': 'street', 'type': 'text'},
    {'code': 'city', 'type': 'text'},
    {'code': 'region', 'type': 'text'},
    {'code': 'region_id', 'type': 'bigint'},
    {'code': 'postcode', 'type': 'text'},
    {'code': 'country_id', 'type': 'text'},
    {'code': 'telephone', 'type': 'text'},
    {'code': 'fax', 'type': 'text'},
    {'code': 'vat_id', 'type': 'text'},
] %}

with

addresses as (

    select * from {{ ref('stg_magento__customer_address_entity') }}

),

attribute_values as (

    select
        *,
        {{ eav_value_json('int_customer_address_attribute_values_unioned', '0') }} as value_json
    from {{ ref('int_customer_address_attribute_values_unioned') }}

),

pivoted as (

    {{ eav_pivot('attribute_values', ['entity_id'], core_attributes) }}

),

final as (

    select
        addresses.customer_address_id,
        addresses.customer_id,
        {%- for attribute in core_attributes %}
        {%- set column = attribute.column | default(attribute.code) %}
        coalesce(pivoted.{{ column }}, addresses.{{ column }}) as {{ column }},
        {%- endfor %}
        addresses.is_active,
        coalesce(pivoted.attributes, '{}'::jsonb) as custom_attributes,
        addresses.created_at,
        addresses.updated_at
    from addresses
    left join pivoted
        on addresses.customer_address_id = pivoted.entity_id

)

select * from final
