{#
    Adobe Commerce content staging (../shared/magento/SCHEMA.md gotcha 18), read into the Open
    Source staging interface.

    On Commerce, catalog_product_entity, catalog_category_entity and salesrule have one row per
    version (row_id, created_in, updated_in), and their value tables, website/group lists and
    link parents are keyed by row_id. Staging keeps the version current now and gives every
    row_id-keyed row the entity id of its version; rows of other versions are listed in
    migration.exclusions (int_staged_versions_excluded). The edition is read from the raw
    columns (a raw table with row_id is staged), so no setting can be wrong, and Open Source
    compiles to plain magento_source().
#}

{# The staged entity tables (registry: `staged`): their id column (primary key), and the tables
   keyed by (or whose parent is) their row_id, with the column that holds the row_id there, the
   staged column it becomes and the id their other versions are excluded by: the entity's EAV
   value tables (row_id, entity_id, value_id) and the tables whose registry entry is
   `staged_by` it. #}
{% macro magento_staged_tables() -%}
    {%- set registry = magento_registry() -%}
    {%- set staged = {} -%}
    {%- for table, meta in registry.items() if meta.get('staged') -%}
        {%- set children = {} -%}
        {%- if table in sync_eav_entity_tables() -%}
            {%- for backend in eav_backend_types() -%}
                {%- do children.update({table ~ '_' ~ backend: ('row_id', 'entity_id', 'value_id')}) -%}
            {%- endfor -%}
        {%- endif -%}
        {%- for child, child_meta in registry.items() if (child_meta.get('staged_by') or {}).get('table') == table -%}
            {%- set by = child_meta['staged_by'] -%}
            {%- do children.update({child: (by['row_column'], by['column'], by['excluded_id'])}) -%}
        {%- endfor -%}
        {%- do staged.update({table: {'id': meta['primary_key'][0], 'children': children}}) -%}
    {%- endfor -%}
    {{ return(staged) }}
{%- endmacro %}


{# The now of content staging, a Unix time (a staging version id is one): the start of the dbt run,
   so every model of a run and the change feed agree on which versions are current. The
   staging_now var (a Unix time) pins it, e.g. in tests. #}
{% macro magento_staging_now() -%}
    {%- if var('staging_now', none) is not none -%}
        cast({{ var('staging_now') }} as bigint)
    {%- else -%}
        cast({{ run_started_at.timestamp() | int }} as bigint)
    {%- endif -%}
{%- endmacro %}


{#
    For the change feed (magento_source_changes): on a Commerce raw table, the SQL of the entity
    id of a raw row (alias raw_rows) and the join that provides it, and the moments a version's
    start or end passed (at or before now), which are changes of the entity although no row
    changed. Returns {'join': ..., 'entity_id': ... or none, 'passed': [...]}; empty parts on
    Open Source and for every other table. `raw_columns` is magento_raw_columns().
#}
{% macro magento_staging_changes(table_name, raw_columns) -%}
    {%- set staged = magento_staged_tables() -%}
    {%- set parent = table_name if table_name in staged else magento_staged_parent(table_name) -%}
    {%- set result = {'join': '', 'entity_id': none, 'passed': []} -%}
    {%- if parent is none or not magento_is_staged(parent, raw_columns) -%}
        {{ return(result) }}
    {%- endif -%}
    {%- if table_name == parent -%}
        {%- for column in ['created_in', 'updated_in'] -%}
            {%- do result.passed.append(
                "case when raw_rows." ~ column ~ " <= " ~ magento_staging_now()
                ~ " then to_timestamp(raw_rows." ~ column ~ ") at time zone 'UTC' end"
            ) -%}
        {%- endfor -%}
    {%- else -%}
        {%- set row_column = staged[parent].children[table_name][0] -%}
        {%- do result.update({
            'join': 'left join ' ~ source('magento', parent) ~ ' as staged_versions on staged_versions.row_id = raw_rows.' ~ row_column,
            'entity_id': 'cast(staged_versions.' ~ staged[parent].id ~ ' as bigint)',
        }) -%}
    {%- endif -%}
    {{ return(result) }}
{%- endmacro %}


{# The one definition of "the current version" (created_in <= now < updated_in), for staging and sync. #}
{% macro magento_current_version(alias) -%}
    ({{ alias }}.created_in <= {{ magento_staging_now() }} and {{ magento_staging_now() }} < {{ alias }}.updated_in)
{%- endmacro %}


{#
    The one definition of a staged raw table: it has Commerce's row_id (compile time; false when
    absent or while parsing). `raw_columns`, magento_raw_columns() when the caller already read
    it (the change feed, for every table), spares the catalog query of this table.
#}
{% macro magento_is_staged(table_name, raw_columns=none) -%}
    {#- read at parse time too: a model that asks reads the table on Commerce (its lineage) -#}
    {%- set source_relation = source('magento', table_name) -%}
    {%- if not execute -%}
        {{ return(false) }}
    {%- endif -%}
    {%- if raw_columns is not none -%}
        {{ return('row_id' in raw_columns.get(table_name | lower, [])) }}
    {%- endif -%}
    {%- set relation = adapter.get_relation(
        database=source_relation.database,
        schema=source_relation.schema,
        identifier=source_relation.identifier,
    ) -%}
    {%- if relation is none -%}
        {{ return(false) }}
    {%- endif -%}
    {%- for column in adapter.get_columns_in_relation(relation) -%}
        {%- if column.name | lower == 'row_id' -%}
            {{ return(true) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{%- endmacro %}


{# The parent staged table of a row_id-keyed table (none for any other table). #}
{% macro magento_staged_parent(table_name) -%}
    {%- for parent, spec in magento_staged_tables().items() -%}
        {%- if table_name in spec.children -%}
            {{ return(parent) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(none) }}
{%- endmacro %}


{#
    The `source` CTE of a staged table or of a row_id-keyed one: magento_source(), reduced to the
    current version on Commerce. A row_id-keyed row gets its version's entity id in the staged
    column; a row whose row_id matches no version at all is kept with a NULL id (the checks
    quarantine it as an orphan, as on Open Source).
#}
{% macro magento_source_current(table_name) -%}
    {%- set staged = magento_staged_tables() -%}
    {%- set parent = table_name if table_name in staged else magento_staged_parent(table_name) -%}
    {%- if parent is none -%}
        {{ exceptions.raise_compiler_error(table_name ~ " is not a content-staging table") }}
    {%- endif -%}
    {%- if not magento_is_staged(parent) -%}
        {{ magento_source(table_name) }}
    {%- elif table_name == parent %}
    select versions.*
    from ({{ magento_source(table_name) }}) as versions
    where {{ magento_current_version('versions') }}
    {%- else -%}
        {%- set row_column, staged_column, _ = staged[parent].children[table_name] %}
    select
        {%- for column in magento_declared_columns(table_name) %}
        {%- if column.name == staged_column %}
        versions.{{ staged[parent].id }} as {{ staged_column }},
        {%- else %}
        keyed.{{ adapter.quote(column.name) }},
        {%- endif %}
        {%- endfor %}
        keyed._extracted_at,
        keyed._repairs
    from ({{ magento_source(table_name) }}) as keyed
    left join ({{ magento_source(parent) }}) as versions
        on keyed.{{ row_column }} = versions.row_id
    where versions.row_id is null or {{ magento_current_version('versions') }}
    {%- endif %}
{%- endmacro %}


{#
    The rows of one staged or row_id-keyed table that belong to a version not current now:
    source_table, magento_id (the row's id, or its row_id where it has none), reason
    ('scheduled version' or 'superseded version'). Empty on Open Source.
#}
{% macro magento_noncurrent_version_rows(table_name) -%}
    {#- read at parse time too (lineage), although Open Source has no version to read -#}
    {%- do source('magento', table_name) -%}
    {%- set staged = magento_staged_tables() -%}
    {%- set parent = table_name if table_name in staged else magento_staged_parent(table_name) -%}
    {%- if table_name == parent -%}
        {%- set row_column, id_column = 'row_id', 'row_id' -%}
    {%- else -%}
        {%- set row_column, _, id_column = staged[parent].children[table_name] -%}
    {%- endif -%}
    {%- if not magento_is_staged(parent) %}
    select
        cast(null as text) as source_table,
        cast(null as bigint) as magento_id,
        cast(null as text) as reason
    where false
    {%- else %}
    select
        '{{ table_name }}' as source_table,
        cast(keyed.{{ id_column }} as bigint) as magento_id,
        case
            when versions.created_in > {{ magento_staging_now() }} then 'scheduled version'
            else 'superseded version'
        end as reason
    from ({{ magento_source(table_name) }}) as keyed
    inner join ({{ magento_source(parent) }}) as versions
        on keyed.{{ row_column }} = versions.row_id
    where not {{ magento_current_version('versions') }}
    {%- endif %}
{%- endmacro %}
