{{ config(materialized='table', indexes=[{'columns': ['customer_id'], 'unique': true}]) }}

-- One row per customer. Magento 2 keeps the core attributes as static columns of
-- customer_entity; an install where one of them is EAV-backed (backend_type <> 'static') has its
-- value in customer_entity_<type> instead, so each core attribute takes the EAV value when there
-- is one and the entity column otherwise. Custom (user-defined) attributes are kept in one jsonb
-- object, select values as labels.

{%- set core_attributes = [
    {'code': 'prefix', 'type': 'text'},
    {'code': 'firstname', 'column': 'first_name', 'type': 'text'},
    {'code': 'middlename', 'column': 'middle_name', 'type': 'text'},
    {'code': 'lastname', 'column': 'last_name', 'type': 'text'},
    {'code': 'suffix', 'type': 'text'},
    {'code': 'email', 'type': 'text'},
    {'code': 'dob', 'type': 'date'},
    {'code': 'gender', 'type': 'integer'},
    {'code': 'taxvat', 'type': 'text'},
] %}

with

customers as (

    select * from {{ ref('stg_magento__customer_entity') }}

),

attribute_values as (

    select
        *,
        {{ eav_value_json('int_customer_attribute_values_unioned', '0') }} as value_json
    from {{ ref('int_customer_attribute_values_unioned') }}

),

pivoted as (

    {{ eav_pivot('attribute_values', ['entity_id'], core_attributes) }}

),

final as (

    select
        customers.customer_id,
        customers.website_id,
        customers.store_id,
        customers.customer_group_id,
        {%- for attribute in core_attributes %}
        {%- set column = attribute.column | default(attribute.code) %}
        coalesce(pivoted.{{ column }}, customers.{{ column }}) as {{ column }},
        {%- endfor %}
        customers.is_active,
        customers.disable_auto_group_change,
        customers.default_billing_address_id,
        customers.default_shipping_address_id,
        customers.password_hash,
        customers.confirmation,
        customers.created_in,
        coalesce(pivoted.attributes, '{}'::jsonb) as custom_attributes,
        customers.created_at,
        customers.updated_at
    from customers
    left join pivoted
        on customers.customer_id = pivoted.entity_id

)

select * from final
