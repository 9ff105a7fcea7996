{#
    EAV, written once. Four entity types (customer, customer_address, catalog_category,
    catalog_product) share these macros:

    eav_values_unioned      every value row of an entity type in one long relation, typed as text,
                            each row joined to its attribute by attribute_id and kept only when the
                            attribute belongs to the entity type and its backend_type names the
                            table the row sits in (Magento reads nothing else).
    eav_scoped_values       the rows Magento reads in some scope: every default-scope (store 0) row,
                            and the store-view rows of non-global attributes (global attributes
                            ignore store rows); a view without a row of its own shows the default
                            one (eav_store_views_pivoted applies that).
    eav_value_json          one value as JSON: option labels for select/multiselect, booleans,
                            numbers, text.
    eav_pivot               long -> wide with filtered aggregates (one scan), typed columns for the
                            mapped attributes and every other attribute kept in one jsonb column.
    eav_store_values_resolved  the body of int_<entity>_store_values_resolved (every value in
                            the scope it is stored for, with its JSON there).
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
    The value rows Magento reads in some scope (`scopes`: a relation with store_id, store 0
    included): every default-scope row (store 0), and the store-view rows of non-global
    attributes in an existing store view. A global attribute ignores store-view rows, even a stray
    one. The rest of Magento's store-scope rule, IF(store.value_id > 0, store.value,
    default.value), is applied per view by eav_store_views_pivoted: a view's own row wins whenever
    it exists (even with a NULL value), else the view shows the default row. The view rows that
    only repeat the default are not written: on `large`, 14.7 M rows instead of 44.8 M (see
    DECISIONS.md).
#}
{% macro eav_scoped_values(values_relation, scopes_relation) -%}
    select
        value_row.entity_id,
        value_row.store_id,
        value_row.attribute_id,
        value_row.attribute_code,
        value_row.backend_type,
        value_row.scope,
        value_row.value_kind,
        value_row.value
    from {{ values_relation }} as value_row
    inner join {{ scopes_relation }} as scope
        on value_row.store_id = scope.store_id
    where value_row.store_id = 0 or value_row.scope <> 'global'
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
                where attribute_code not in ({{ eav_attribute_code_list(attributes) }})
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


{# The codes of a list of {code, ...} attributes as SQL string literals, for `in (...)`. #}
{% macro eav_attribute_code_list(attributes) -%}
    {%- for attribute in attributes -%}
        '{{ attribute.code }}'{{ ', ' if not loop.last }}
    {%- endfor -%}
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
    that Magento reads in some scope (eav_scoped_values over int_store_scopes): the default-scope
    rows and the store views' own rows, each with its value_json in the store it is stored for.
    A sync consumer (sync_consumer): a sync run recomputes only the entities the change feed marks
    affected (all of them after an EAV metadata or store change) and replaces their rows.
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

scoped as (

    {{ eav_scoped_values('attribute_values', 'scopes') }}

),

final as (

    select
        scoped.*,
        {{ eav_value_json('scoped', 'scoped.store_id', option_label='option_label') }} as value_json
    from scoped
    {{ eav_option_label_join('scoped', 'scoped.store_id', 'option_label') }}

)

select * from final
{%- endmacro %}


{#
    The body of int_<entity_type>_store_views_pivoted: one row per entity of `entities_model`
    (its id in `id_column`) and store view (store_id > 0), its values as Magento shows them in that
    view, the attributes of eav_localized_attribute_columns as typed columns. `attributes` holds
    the other non-global attributes, `overridden_attributes` those with a row of the view itself.
    With `global_values`, a mapped attribute that is global has its default value in every view,
    and `global_option_labels` holds the global select/multiselect attributes with this view's
    labels; without, global attributes are left out.

    Magento's store-scope rule, in two parts that each read only what they need: the default
    scope is pivoted once per entity (what every view shows), and each view patches it with
    what differs there: its own rows (which win, even with a NULL value) and the default-scope
    select/multiselect values with an option labelled otherwise in that view. On `large`
    (500,000 products, 5 views), 14.7 M default rows and a few hundred thousand view rows are
    aggregated instead of 30 M view rows (see DECISIONS.md). A sync consumer (sync_consumer)
    that replaces the rows of the affected entities.
#}
{% macro eav_store_views_pivoted(entity_type, entities_model, id_column, global_values=false) -%}
{{ sync_consumer(
    entity_type=entity_type,
    scope_key=id_column,
    unique_key=[id_column, 'store_id'],
    indexes=[{'columns': [id_column, 'store_id'], 'unique': true}],
) }}
{%- set mapped_attributes = eav_localized_attribute_columns(entity_type) %}
{%- set mapped_codes = eav_attribute_code_list(mapped_attributes) %}

with

entities as (

    select {{ id_column }} as entity_id from {{ ref(entities_model) }}
    {{ sync_affected_filter(id_column) }}

),

store_views as (

    select * from {{ ref('int_store_scopes') }}
    where not is_default_scope

),

-- read by two CTEs, each with its own filter: inlined, not materialized (DECISIONS.md)
scoped_values as not materialized (

    select * from {{ ref('int_' ~ entity_type ~ '_store_values_resolved') }}
    {%- if global_values %}
    {{ sync_affected_filter('entity_id') }}
    {%- else %}
    where scope <> 'global' {{ sync_affected_filter('entity_id', 'and') }}
    {%- endif %}

),

default_values as not materialized (

    select * from scoped_values
    where store_id = 0

),

view_own_values as (

    select * from scoped_values
    where store_id <> 0

),

default_pivoted as (

    -- what every view shows, unless it has a row (or a label) of its own
    select
        entity_id,
        {%- for attribute in mapped_attributes %}
        max(value) filter (where attribute_code = '{{ attribute.code }}') as {{ attribute.column | default(attribute.code) }},
        {%- endfor %}
        {%- if global_values %}
        jsonb_object_agg(attribute_code, value_json) filter (
            where scope = 'global' and value_kind in ('option', 'options')
        ) as global_option_labels,
        {%- endif %}
        jsonb_object_agg(attribute_code, value_json) filter (
            where scope <> 'global' and attribute_code not in ({{ mapped_codes }})
        ) as attributes
    from default_values
    group by entity_id

),

relabelled_options as (

    -- options whose label in a store view is not their default-scope (admin) label
    select
        option_id_text,
        store_id
    from {{ ref('int_eav_option_labels') }}
    where store_id <> 0 and label is distinct from admin_label

),

relabelled_default_values as (

    -- default-scope select/multiselect values with such an option, per view that relabels it
    select distinct
        default_values.entity_id,
        relabelled_options.store_id,
        default_values.attribute_code,
        default_values.scope,
        default_values.value_kind,
        default_values.value
    from default_values
    cross join lateral unnest(string_to_array(default_values.value, ',')) as selected (option_id)
    inner join relabelled_options
        on trim(selected.option_id) = relabelled_options.option_id_text
    where default_values.value_kind in ('option', 'options')

),

view_rows as (

    select
        entity_id,
        store_id,
        attribute_code,
        scope,
        value,
        value_json,
        true as is_own
    from view_own_values

    union all

    select
        relabelled.entity_id,
        relabelled.store_id,
        relabelled.attribute_code,
        relabelled.scope,
        relabelled.value,
        {{ eav_value_json('relabelled', 'relabelled.store_id', option_label='option_label') }} as value_json,
        false as is_own
    from relabelled_default_values as relabelled
    {{ eav_option_label_join('relabelled', 'relabelled.store_id', 'option_label') }}
    where not exists (
        select 1
        from view_own_values
        where
            view_own_values.entity_id = relabelled.entity_id
            and view_own_values.store_id = relabelled.store_id
            and view_own_values.attribute_code = relabelled.attribute_code
    )

),

view_patches as (

    -- what differs in each view: its own rows and its labels
    select
        entity_id,
        store_id,
        jsonb_object_agg(attribute_code, to_jsonb(value)) filter (
            where is_own and attribute_code in ({{ mapped_codes }})
        ) as own_mapped_values,
        {%- if global_values %}
        jsonb_object_agg(attribute_code, value_json) filter (where scope = 'global') as global_option_labels,
        {%- endif %}
        jsonb_object_agg(attribute_code, value_json) filter (
            where scope <> 'global' and attribute_code not in ({{ mapped_codes }})
        ) as attributes,
        jsonb_agg(attribute_code order by attribute_code) filter (where is_own) as overridden_attributes
    from view_rows
    group by entity_id, store_id

),

final as (

    select
        entities.entity_id as {{ id_column }},
        store_views.store_id,
        {%- for attribute in mapped_attributes %}
        {%- set column = attribute.column | default(attribute.code) %}
        {%- set view_value -%}
            case
                when view_patches.own_mapped_values ? '{{ attribute.code }}'
                    then view_patches.own_mapped_values ->> '{{ attribute.code }}'
                else default_pivoted.{{ column }}
            end
        {%- endset %}
        {{ eav_cast_text(view_value, attribute.type) }} as {{ column }},
        {%- endfor %}
        coalesce(default_pivoted.attributes, '{}'::jsonb)
        || coalesce(view_patches.attributes, '{}'::jsonb) as attributes,
        {%- if global_values %}
        coalesce(default_pivoted.global_option_labels, '{}'::jsonb)
        || coalesce(view_patches.global_option_labels, '{}'::jsonb) as global_option_labels,
        {%- endif %}
        coalesce(view_patches.overridden_attributes, '[]'::jsonb) as overridden_attributes
    from entities
    cross join store_views
    left join default_pivoted
        on entities.entity_id = default_pivoted.entity_id
    left join view_patches
        on
            entities.entity_id = view_patches.entity_id
            and store_views.store_id = view_patches.store_id

)

select * from final
{%- endmacro %}
