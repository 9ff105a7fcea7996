{#
    EAV, written once. Four entity types (customer, customer_address, catalog_category,
    catalog_product) share these macros:

    eav_values_unioned      every value row of an entity type in one long relation, typed as text,
                            each row joined to its attribute by attribute_id and kept only when the
                            attribute belongs to the entity type and its backend_type names the
                            table the row sits in (Magento reads nothing else).
    eav_resolve_store_scope Magento's store-scope rule: per store view, a store-view row wins when it
                            exists, even with a NULL value; global attributes ignore store rows.
    eav_value_json          one value as JSON: option labels for select/multiselect, booleans,
                            numbers, text.
    eav_pivot               long -> wide with filtered aggregates (one scan), typed columns for the
                            mapped attributes and every other attribute kept in one jsonb column.
    eav_store_values_resolved  the body of int_<entity>_store_values_resolved (every value in
                            every scope).
    eav_store_views_pivoted the body of int_<entity>_store_views_pivoted (one row per entity and
                            store view), what the localization marts serve.

    The mapped attributes of each entity type: eav_attribute_columns (macros/eav_attributes.sql).

    Attribute ids are never written in SQL: they are resolved from eav_attribute by
    (entity_type_code, attribute_code) at run time.
#}

{% macro eav_table_source_model() -%}
    Magento\Eav\Model\Entity\Attribute\Source\Table
{%- endmacro %}


{% macro eav_boolean_source_model() -%}
    Magento\Eav\Model\Entity\Attribute\Source\Boolean
{%- endmacro %}


{% macro eav_backend_types() -%}
    {{ return(['varchar', 'int', 'decimal', 'datetime', 'text']) }}
{%- endmacro %}


{% macro eav_values_unioned(entity_type_code, value_table_prefix, has_store_id=true) -%}
    {%- for backend_type in eav_backend_types() %}
    select
        value_row.value_id,
        value_row.entity_id,
        {{ 'value_row.store_id' if has_store_id else '0' }} as store_id,
        attribute.attribute_id,
        attribute.attribute_code,
        attribute.backend_type,
        attribute.scope,
        attribute.value_kind,
        {{ eav_value_as_text('value_row.value', backend_type) }} as value
    from {{ ref('stg_magento__' ~ value_table_prefix ~ '_' ~ backend_type) }} as value_row
    inner join {{ ref('int_eav_attributes') }} as attribute
        on
            value_row.attribute_id = attribute.attribute_id
            and attribute.entity_type_code = '{{ entity_type_code }}'
            and attribute.backend_type = '{{ backend_type }}'
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}


{# Values travel as text; datetimes in one fixed ISO-8601 UTC form, whatever the session time zone. #}
{% macro eav_value_as_text(column, backend_type) -%}
    {%- if backend_type == 'datetime' -%}
        to_char({{ column }} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
    {%- else -%}
        cast({{ column }} as text)
    {%- endif -%}
{%- endmacro %}


{#
    Resolve every value for every scope in `scopes` (a relation with store_id; include store 0
    for the default scope). A candidate is the default row (store 0) or the row of the scope's
    own store view; the store-view row wins whenever it exists, whatever its value (Magento:
    IF(store.value_id > 0, store.value, default.value)). Global attributes take only the
    default row, and are resolved for the default scope only: in every store view their value
    is the default one, so their rows are not repeated per view (on `large`, 7.3 M of the 8.8 M
    default-scope product int values are global: the join no longer multiplies them by the store
    views before the sort). The result keeps `resolved_store_id`: the store the value came from.
#}
{% macro eav_resolve_store_scope(values_relation, scopes_relation) -%}
    select distinct on (candidate.entity_id, candidate.attribute_id, scope.store_id)
        candidate.entity_id,
        scope.store_id,
        candidate.store_id as resolved_store_id,
        candidate.attribute_id,
        candidate.attribute_code,
        candidate.backend_type,
        candidate.scope,
        candidate.value_kind,
        candidate.value
    from {{ values_relation }} as candidate
    inner join {{ scopes_relation }} as scope
        on
            (candidate.scope <> 'global' or scope.store_id = 0)
            and (candidate.store_id = 0 or candidate.store_id = scope.store_id)
    order by
        candidate.entity_id,
        candidate.attribute_id,
        scope.store_id,
        candidate.store_id desc
{%- endmacro %}


{#
    One EAV value as jsonb. Select values become their option label, multiselect values (comma
    separated option ids) an array of labels, in the store view given by `store_id_column`
    (admin label when the view has none). Booleans become true/false, int/decimal numbers, the
    rest strings. An option id the attribute does not have (garbage in a dirty database) is
    dropped: listed in migration.repairs (see int_eav_value_rows_checked).
    `option_label`: the alias of eav_option_label_join() in the query, which gives a select value
    its label by a join; without it, a correlated lookup a row (on `large`, tens of millions of
    index probes: see DECISIONS.md).
#}
{% macro eav_value_json(values_alias, store_id_column, option_label=none) -%}
    case
        when {{ values_alias }}.value is null then 'null'::jsonb
        when {{ values_alias }}.value_kind = 'options'
            then coalesce(
                (
                    select jsonb_agg(option_label.label order by selected.position)
                    from unnest(string_to_array({{ values_alias }}.value, ',')) with ordinality
                        as selected (option_id, position)
                    inner join {{ ref('int_eav_option_labels') }} as option_label
                        on
                            option_label.option_id_text = trim(selected.option_id)
                            and option_label.store_id = {{ store_id_column }}
                ),
                '[]'::jsonb
            )
        {%- if option_label is not none %}
        when {{ values_alias }}.value_kind = 'option'
            then coalesce(to_jsonb({{ option_label }}.label), 'null'::jsonb)
        {%- else %}
        when {{ values_alias }}.value_kind = 'option'
            then coalesce(
                (
                    select to_jsonb(option_label.label)
                    from {{ ref('int_eav_option_labels') }} as option_label
                    where
                        option_label.option_id_text = {{ values_alias }}.value
                        and option_label.store_id = {{ store_id_column }}
                ),
                'null'::jsonb
            )
        {%- endif %}
        when {{ values_alias }}.value_kind = 'boolean' and {{ values_alias }}.value ~ '^-?[0-9]+$'
            then to_jsonb(cast({{ values_alias }}.value as bigint) <> 0)
        when {{ values_alias }}.value_kind = 'number' and {{ values_alias }}.value ~ '^-?[0-9]+(\.[0-9]+)?$'
            then to_jsonb(cast({{ values_alias }}.value as numeric))
        else to_jsonb({{ values_alias }}.value)
    end
{%- endmacro %}


{#
    The label of a select (value_kind 'option') value in one store view, as a left join for
    eav_value_json(..., option_label=alias): one hash join instead of a lookup a row. At most one
    label matches (int_eav_option_labels is unique on option id and store).
#}
{% macro eav_option_label_join(values_alias, store_id_column, alias) -%}
    left join {{ ref('int_eav_option_labels') }} as {{ alias }}
        on
            {{ values_alias }}.value_kind = 'option'
            and {{ alias }}.option_id_text = {{ values_alias }}.value
            and {{ alias }}.store_id = {{ store_id_column }}
{%- endmacro %}


{#
    Long -> wide. `attributes` is a list of {code, column, type}: each becomes a typed column
    (NULL when the entity has no value). With `collect_others`, every attribute not in the list is
    kept in an `attributes` jsonb object {attribute_code: value_json}, so nothing is dropped.
#}
{% macro eav_pivot(values_relation, key_columns, attributes, collect_others=true) -%}
    select
        {%- for key in key_columns %}
        {{ key }},
        {%- endfor %}
        {%- for attribute in attributes %}
        {{ eav_cast_text('max(value) filter (where attribute_code = ' ~ "'" ~ attribute.code ~ "')", attribute.type) }}
            as {{ attribute.column | default(attribute.code) }},
        {%- endfor %}
        {%- if collect_others %}
        coalesce(
            jsonb_object_agg(attribute_code, value_json) filter (
                where attribute_code not in (
                    {%- for attribute in attributes %}
                    '{{ attribute.code }}'{{ ',' if not loop.last }}
                    {%- endfor %}
                )
            ),
            '{}'::jsonb
        ) as attributes
        {%- else %}
        count(*) as attribute_value_count
        {%- endif %}
    from {{ values_relation }}
    group by
        {%- for key in key_columns %}
        {{ key }}{{ ',' if not loop.last }}
        {%- endfor %}
{%- endmacro %}


{# A text value cast to a column type; values that do not fit the type become NULL, not errors. #}
{% macro eav_cast_text(expression, data_type) -%}
    {%- if data_type == 'text' -%}
        {{ expression }}
    {%- elif data_type in ('integer', 'bigint') -%}
        case when {{ expression }} ~ '^-?[0-9]+$' then cast({{ expression }} as {{ data_type }}) end
    {%- elif data_type == 'numeric' or data_type.startswith('numeric(') -%}
        case when {{ expression }} ~ '^-?[0-9]+(\.[0-9]+)?$' then cast({{ expression }} as {{ data_type }}) end
    {%- elif data_type == 'boolean' -%}
        case when {{ expression }} ~ '^-?[0-9]+$' then cast({{ expression }} as bigint) <> 0 end
    {%- elif data_type in ('timestamptz', 'timestamp with time zone') -%}
        cast({{ expression }} as timestamptz)
    {%- elif data_type == 'date' -%}
        cast(cast({{ expression }} as timestamptz) at time zone 'UTC' as date)
    {%- else -%}
        cast({{ expression }} as {{ data_type }})
    {%- endif -%}
{%- endmacro %}


{#
    The body of int_<entity_type>_store_values_resolved: every attribute value of the entity type
    as Magento shows it in each scope, the default scope (store 0) and every store view
    (int_store_scopes), by eav_resolve_store_scope, each with its value_json in that scope.
    Global attributes are kept for the default scope only (their store-view value is the default
    one anyway). A sync consumer (sync_consumer): a sync run recomputes only the entities the
    change feed marks affected (all of them after an EAV metadata or store change) and replaces
    their rows.
#}
{% macro eav_store_values_resolved(entity_type) -%}
{{ sync_consumer(
    entity_type=entity_type,
    scope_key='entity_id',
    indexes=[{'columns': ['entity_id', 'store_id']}],
) }}

with

attribute_values as (

    select * from {{ ref('int_' ~ entity_type ~ '_attribute_values_unioned') }}
    {{ sync_affected_filter('entity_id') }}

),

scopes as (

    select * from {{ ref('int_store_scopes') }}

),

resolved as (

    {{ eav_resolve_store_scope('attribute_values', 'scopes') }}

),

final as (

    select
        resolved.*,
        {{ eav_value_json('resolved', 'resolved.store_id', option_label='option_label') }} as value_json
    from resolved
    {{ eav_option_label_join('resolved', 'resolved.store_id', 'option_label') }}

)

select * from final
{%- endmacro %}


{#
    The body of int_<entity_type>_store_views_pivoted: one row per entity of `entities_model`
    (its id in `id_column`) and store view (store_id > 0), its values as Magento shows them in that
    view (int_<entity_type>_store_values_resolved), the attributes of
    eav_localized_attribute_columns as typed columns. `attributes` holds the other non-global
    attributes, `overridden_attributes` those with a row of the view itself. With
    `global_values`, a mapped attribute that is global has its default value in every view, and
    `global_option_labels` holds the global select/multiselect attributes with this view's labels;
    without, global attributes are left out. A sync consumer (sync_consumer) that replaces the
    rows of the affected entities.
#}
{% macro eav_store_views_pivoted(entity_type, entities_model, id_column, global_values=false) -%}
{{ sync_consumer(
    entity_type=entity_type,
    scope_key=id_column,
    unique_key=[id_column, 'store_id'],
    indexes=[{'columns': [id_column, 'store_id'], 'unique': true}],
) }}
{%- set mapped_attributes = eav_localized_attribute_columns(entity_type) %}

with

entities as (

    select {{ id_column }} as entity_id from {{ ref(entities_model) }}
    {{ sync_affected_filter(id_column) }}

),

store_views as (

    select * from {{ ref('int_store_scopes') }}
    where not is_default_scope

),

-- read by three CTEs, which Postgres would materialize (as the next one): each scans the table
-- instead (on `large`: 44.8 M rows spilled to a tuplestore and read 7 times, 253 s; inlined, 123 s)
resolved_values as not materialized (

    select * from {{ ref('int_' ~ entity_type ~ '_store_values_resolved') }}
    {{ sync_affected_filter('entity_id') }}

),

store_values as not materialized (

    -- non-global attributes, resolved per store view
    select
        entity_id,
        store_id,
        resolved_store_id,
        attribute_code,
        value,
        value_json
    from resolved_values
    where store_id <> 0

),
{%- if global_values %}

global_mapped_values as (

    -- mapped attributes that are global: the default value, in every store view
    select
        resolved_values.entity_id,
        store_views.store_id,
        resolved_values.resolved_store_id,
        resolved_values.attribute_code,
        resolved_values.value,
        resolved_values.value_json
    from resolved_values
    cross join store_views
    where
        resolved_values.store_id = 0
        and resolved_values.scope = 'global'
        and resolved_values.attribute_code in (
            {%- for attribute in mapped_attributes %}
            '{{ attribute.code }}'{{ ',' if not loop.last }}
            {%- endfor %}
        )

),

view_values as (

    select * from store_values
    union all
    select * from global_mapped_values

),

global_option_values as (

    select
        resolved_values.entity_id,
        store_views.store_id,
        resolved_values.attribute_code,
        resolved_values.value,
        resolved_values.value_kind
    from resolved_values
    cross join store_views
    where
        resolved_values.store_id = 0
        and resolved_values.scope = 'global'
        and resolved_values.value_kind in ('option', 'options')

),

global_option_labels as (

    select
        global_option_values.entity_id,
        global_option_values.store_id,
        jsonb_object_agg(
            global_option_values.attribute_code,
            {{ eav_value_json('global_option_values', 'global_option_values.store_id', option_label='option_label') }}
        ) as global_option_labels
    from global_option_values
    {{ eav_option_label_join('global_option_values', 'global_option_values.store_id', 'option_label') }}
    group by global_option_values.entity_id, global_option_values.store_id

),
{%- endif %}

pivoted as (

    {{ eav_pivot('view_values' if global_values else 'store_values', ['entity_id', 'store_id'], mapped_attributes) }}

),

overrides as (

    select
        entity_id,
        store_id,
        jsonb_agg(attribute_code order by attribute_code) as overridden_attributes
    from store_values
    where resolved_store_id = store_id
    group by entity_id, store_id

),

final as (

    select
        entities.entity_id as {{ id_column }},
        store_views.store_id,
        {%- for attribute in mapped_attributes %}
        pivoted.{{ attribute.column | default(attribute.code) }},
        {%- endfor %}
        coalesce(pivoted.attributes, '{}'::jsonb) as attributes,
        {%- if global_values %}
        coalesce(global_option_labels.global_option_labels, '{}'::jsonb) as global_option_labels,
        {%- endif %}
        coalesce(overrides.overridden_attributes, '[]'::jsonb) as overridden_attributes
    from entities
    cross join store_views
    left join pivoted
        on
            entities.entity_id = pivoted.entity_id
            and store_views.store_id = pivoted.store_id
    left join overrides
        on
            entities.entity_id = overrides.entity_id
            and store_views.store_id = overrides.store_id
    {%- if global_values %}
    left join global_option_labels
        on
            entities.entity_id = global_option_labels.entity_id
            and store_views.store_id = global_option_labels.store_id
    {%- endif %}

)

select * from final
{%- endmacro %}
