{{ sync_consumer(
    entity_type='customer_address',
    scope_key='customer_address_id',
    unique_key='customer_address_id',
    indexes=[{'columns': ['customer_address_id'], 'unique': true}],
) }}

-- One row per customer address. Core attributes are static columns of customer_address_entity
-- in Magento 2; an EAV-backed one is read from customer_address_entity_<type> instead. Custom
-- (user-defined) address attributes are kept in one jsonb object, select values as labels.
-- Incremental: a sync run recomputes only the addresses the change feed marks affected (their own
-- row or any of their EAV value rows changed or was deleted; all of them after an EAV metadata
-- or store change), deletes their rows and inserts their current ones, so deleted ones go.

{%- set core_attributes = eav_attribute_columns('customer_address') %}

with

addresses as (

    select * from {{ ref('stg_magento__customer_address_entity') }}
    {{ sync_affected_filter('customer_address_id') }}

),

attribute_values as (

    select
        *,
        {{ eav_value_json('int_customer_address_attribute_values_unioned', '0') }} as value_json
    from {{ ref('int_customer_address_attribute_values_unioned') }}
    {{ sync_affected_filter('entity_id') }}

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
