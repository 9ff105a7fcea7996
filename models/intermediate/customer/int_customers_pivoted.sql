{{ sync_consumer(
    entity_type='customer',
    scope_key='customer_id',
    unique_key='customer_id',
    indexes=[{'columns': ['customer_id'], 'unique': true}],
) }}

-- One row per customer. Magento 2 keeps the core attributes as static columns of
-- customer_entity; an install where one of them is EAV-backed (backend_type <> 'static') has its
-- value in customer_entity_<type> instead, so each core attribute takes the EAV value when there
-- is one and the entity column otherwise. Custom (user-defined) attributes are kept in one jsonb
-- object, select values as labels. Gender holds an option id of the `gender` attribute (1-3 on a
-- default install, but option ids differ between installs): it is read through the option labels.
-- Incremental: a sync run recomputes only the customers the change feed marks affected (their own
-- row or any of their EAV value rows changed or was deleted; all of them after an EAV metadata
-- or store change), deletes their rows and inserts their current ones, so deleted ones go.

{%- set core_attributes = eav_attribute_columns('customer') %}

with

customers as (

    select * from {{ ref('stg_magento__customer_entity') }}
    {{ sync_affected_filter('customer_id') }}

),

attribute_values as (

    select
        *,
        {{ eav_value_json('int_customer_attribute_values_unioned', '0') }} as value_json
    from {{ ref('int_customer_attribute_values_unioned') }}
    {{ sync_affected_filter('entity_id') }}

),

gender_labels as (

    select
        option_labels.option_id,
        option_labels.label
    from {{ ref('int_eav_option_labels') }} as option_labels
    inner join {{ ref('int_eav_attributes') }} as attributes
        on option_labels.attribute_id = attributes.attribute_id
    where
        attributes.entity_type_code = 'customer'
        and attributes.attribute_code = 'gender'
        and option_labels.store_id = 0

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
        gender_labels.label as gender_label,
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
    left join gender_labels
        on coalesce(pivoted.gender, customers.gender) = gender_labels.option_id

)

select * from final
