-- Every row of the 20 EAV value tables with the migration's verdict, so that none is dropped
-- silently: 'migrated' (read into its entity), 'quarantined' (a value Magento itself cannot use:
-- deleted attribute, attribute of another entity type or backend table, entity that does not
-- exist) or 'excluded' (a store-view row of a global attribute: Magento ignores it and so do we).

{%- set entities = magento_eav_entities() %}

with

attributes as (

    select * from {{ ref('int_eav_attributes') }}

),

option_ids as (

    select
        attribute_id,
        cast(option_id as text) as option_id_text
    from {{ ref('stg_magento__eav_attribute_option') }}

),

value_rows as (

    {%- for eav in entities %}
    {%- set outer_loop = loop %}
    {%- for backend_type in eav_backend_types() %}
    select
        '{{ eav.table }}_{{ backend_type }}' as source_table,
        '{{ eav.entity_type_code }}' as entity_type_code,
        '{{ backend_type }}' as table_backend_type,
        value_row.value_id,
        value_row.entity_id,
        value_row.attribute_id,
        {%- if eav.has_store %}
        value_row.store_id,
        {%- else %}
        0 as store_id,
        {%- endif %}
        {{ eav_value_as_text('value_row.value', backend_type) }} as value,
        entities.{{ eav.key }} is not null as entity_exists
    from {{ ref(eav.staging_model ~ '_' ~ backend_type) }} as value_row
    left join {{ ref(eav.staging_model) }} as entities
        on value_row.entity_id = entities.{{ eav.key }}
    {%- if not (outer_loop.last and loop.last) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}

),

checks as (

    select
        value_rows.*,
        attributes.attribute_code,
        case
            when attributes.attribute_id is null
                then 'unknown attribute_id ' || value_rows.attribute_id
                    || ' (the attribute no longer exists in eav_attribute)'
            when attributes.entity_type_code <> value_rows.entity_type_code
                then 'attribute ' || attributes.attribute_code || ' belongs to '
                    || attributes.entity_type_code || ', not ' || value_rows.entity_type_code
            when attributes.backend_type <> value_rows.table_backend_type
                then 'attribute ' || attributes.attribute_code || ' is ' || attributes.backend_type
                    || '-typed: Magento reads no value from ' || value_rows.source_table
            when not value_rows.entity_exists
                then 'orphan: ' || value_rows.entity_type_code || ' ' || value_rows.entity_id
                    || ' does not exist'
        end as quarantine_reason,
        coalesce(attributes.scope = 'global' and value_rows.store_id <> 0, false)
            as is_ignored_store_value,
        -- option ids the attribute does not have: dropped from the migrated value. `not in` an
        -- uncorrelated subquery: one hash of the options, probed by each value (a correlated
        -- `not exists` here scanned the 15,066 options of `large` for each of 7 M select values)
        case
            when
                attributes.value_kind = 'option'
                and value_rows.value is not null
                and (value_rows.attribute_id, value_rows.value) not in (
                    select
                        option_ids.attribute_id,
                        option_ids.option_id_text
                    from option_ids
                )
                then 'unknown option id ' || value_rows.value || ' -> NULL'
            when attributes.value_kind = 'options' and value_rows.value is not null
                then (
                    select 'unknown option ids dropped: ' || string_agg(trim(token.option_id), ',')
                    from unnest(string_to_array(value_rows.value, ',')) as token (option_id)
                    where (value_rows.attribute_id, trim(token.option_id)) not in (
                            select
                                option_ids.attribute_id,
                                option_ids.option_id_text
                            from option_ids
                        )
                    having count(*) > 0
                )
        end as repair_reason
    from value_rows
    left join attributes
        on value_rows.attribute_id = attributes.attribute_id

),

final as (

    select
        *,
        case
            when quarantine_reason is not null then 'quarantined'
            when is_ignored_store_value then 'excluded'
            else 'migrated'
        end as migration_status
    from checks

)

select * from final
