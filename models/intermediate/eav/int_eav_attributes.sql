with

attributes as (

    select * from {{ ref('stg_magento__eav_attribute') }}

),

entity_types as (

    select * from {{ ref('stg_magento__eav_entity_type') }}

),

catalog_attributes as (

    select * from {{ ref('stg_magento__catalog_eav_attribute') }}

),

final as (

    select
        attributes.attribute_id,
        entity_types.entity_type_code,
        attributes.attribute_code,
        attributes.backend_type,
        attributes.frontend_input,
        attributes.frontend_label,
        attributes.source_model,
        attributes.is_user_defined,
        case catalog_attributes.is_global
            when 0 then 'store'
            when 2 then 'website'
            else 'global'
        end as scope,
        -- how a value reads: option labels (from eav_attribute_option_value), a boolean, a number
        -- or text. Selects with a source model of their own (status, visibility, tax class, ...)
        -- keep their codes.
        case
            when
                attributes.frontend_input = 'multiselect'
                and coalesce(attributes.source_model, '') in ('', '{{ eav_table_source_model() }}')
                then 'options'
            when
                attributes.frontend_input = 'select'
                and coalesce(attributes.source_model, '') in ('', '{{ eav_table_source_model() }}')
                then 'option'
            when
                attributes.frontend_input = 'boolean'
                or attributes.source_model = '{{ eav_boolean_source_model() }}'
                then 'boolean'
            when attributes.backend_type in ('int', 'decimal') then 'number'
            else 'text'
        end as value_kind
    from attributes
    inner join entity_types
        on attributes.entity_type_id = entity_types.entity_type_id
    left join catalog_attributes
        on attributes.attribute_id = catalog_attributes.attribute_id

)

select * from final
