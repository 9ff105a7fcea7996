{#
    The `source` CTE of every staging model: one raw Magento table as Meltano loaded it.

    - Columns are declared once, with their Postgres types, in _magento__sources.yml. Each is cast
      to its declared type; a declared column the loader has not created (yet) becomes a typed
      NULL, and a table that does not exist at all (Adobe Commerce tables on Magento Open Source)
      becomes an empty, typed relation instead of an error.
    - MySQL zero dates ('0000-00-00 ...') that reach the raw layer as text become NULL.
    - Rows the loader marked deleted (_sdc_deleted_at: binlog deletes, rows missing from the
      latest full-table version) are dropped; _sdc_extracted_at is kept as _extracted_at.
    - Values the magento-singer-repair mapper had to change on the way (zero dates, NUL
      characters) are listed in _repairs (jsonb, NULL when none): see migration.repairs.
#}
{% macro magento_source(table_name) -%}
    {%- set source_relation = source('magento', table_name) -%}
    {%- if not execute -%}
        select 1 as _placeholder
    {%- else -%}
        {%- set declared = magento_declared_columns(table_name) -%}
        {%- set relation = adapter.get_relation(
            database=source_relation.database,
            schema=source_relation.schema,
            identifier=source_relation.identifier,
        ) -%}
        {%- set raw_types = {} -%}
        {%- if relation is not none -%}
            {%- for column in adapter.get_columns_in_relation(relation) -%}
                {%- do raw_types.update({column.name | lower: column.dtype | lower}) -%}
            {%- endfor -%}
        {%- endif %}
    select
        {%- for column in declared %}
        {{ magento_cast_column(column.name, column.data_type, raw_types.get(column.name | lower)) }} as {{ adapter.quote(column.name) }},
        {%- endfor %}
        {%- if '_sdc_extracted_at' in raw_types %}
        cast("_sdc_extracted_at" as timestamp) at time zone 'UTC' as _extracted_at,
        {%- else %}
        cast(null as timestamptz) as _extracted_at,
        {%- endif %}
        {%- if '_mg_repairs' in raw_types %}
        nullif(cast("_mg_repairs" as jsonb), 'null'::jsonb) as _repairs
        {%- else %}
        cast(null as jsonb) as _repairs
        {%- endif %}
    {%- if relation is none %}
    from (select 1) as missing_table
    where false
    {%- else %}
    from {{ relation }}
    {%- if '_sdc_deleted_at' in raw_types %}
    where "_sdc_deleted_at" is null
    {%- endif %}
    {%- endif %}
    {%- endif %}
{%- endmacro %}


{# The columns declared for a Magento source table, in declaration order. #}
{% macro magento_declared_columns(table_name) -%}
    {%- set node = graph.sources.get('source.' ~ project_name ~ '.magento.' ~ table_name) -%}
    {%- if node is none -%}
        {{ exceptions.raise_compiler_error("magento source '" ~ table_name ~ "' is not declared in _magento__sources.yml") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for column in node.columns.values() -%}
        {%- if column.data_type is none -%}
            {{ exceptions.raise_compiler_error("source column " ~ table_name ~ "." ~ column.name ~ " has no data_type") }}
        {%- endif -%}
        {%- do columns.append(column) -%}
    {%- endfor -%}
    {{ return(columns) }}
{%- endmacro %}


{#
    One raw column cast to its declared Postgres type. Missing columns become typed NULLs; text
    holding a MySQL zero date becomes NULL before the cast to date/timestamp. Magento stores
    timestamps in UTC: they are staged as timestamptz.
#}
{% macro magento_cast_column(name, data_type, raw_type) -%}
    {%- set quoted = adapter.quote(name) -%}
    {%- if raw_type is none -%}
        {%- set expression = 'null' -%}
    {%- elif data_type in ('timestamp', 'date') and raw_type in ('text', 'character varying') -%}
        {%- set expression = "case when " ~ quoted ~ " like '0000-00-00%' then null else " ~ quoted ~ " end" -%}
    {%- else -%}
        {%- set expression = quoted -%}
    {%- endif -%}
    {%- if data_type == 'timestamp' -%}
        cast({{ expression }} as timestamp) at time zone 'UTC'
    {%- else -%}
        cast({{ expression }} as {{ data_type }})
    {%- endif -%}
{%- endmacro %}


{#
    Every raw Magento table's columns, read in one catalog query: {table: [column, ...]}, names
    lower-case, in column order; a table that does not exist is not a key. For a model that looks
    at many raw tables (the change feed looks at all of them): one get_columns_in_relation() a
    table cost 82 catalog queries, 30 s of every build on a small store. Empty while parsing.
#}
{% macro magento_raw_columns() -%}
    {%- set columns_by_table = {} -%}
    {%- if execute -%}
        {%- set raw_schema = (graph.sources.values() | selectattr('source_name', 'equalto', 'magento') | first).schema -%}
        {%- set listing -%}
            select
                lower(tables.relname) as table_name,
                lower(columns.attname) as column_name
            from pg_catalog.pg_attribute as columns
            inner join pg_catalog.pg_class as tables on columns.attrelid = tables.oid
            inner join pg_catalog.pg_namespace as schemas on tables.relnamespace = schemas.oid
            where
                schemas.nspname = '{{ raw_schema }}'
                and tables.relkind in ('r', 'p', 'v', 'm', 'f')
                and columns.attnum > 0
                and not columns.attisdropped
            order by table_name, columns.attnum
        {%- endset -%}
        {%- for row in run_query(listing).rows -%}
            {%- do columns_by_table.setdefault(row[0], []).append(row[1]) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(columns_by_table) }}
{%- endmacro %}


{#
    An on-run-start hook: lists the raw schema once, before the threads start, so that dbt's
    relation cache holds every raw table when the models compile. Otherwise the first threads to
    ask fill the cache table by table, and the cache counts the schema as listed from its first
    table on: a thread asking meanwhile gets a partial list, and magento_source() or
    magento_is_staged() takes an existing raw table for absent (seen: a Commerce category view
    compiled without its current-version filter). Renders a no-op statement.
#}
{% macro cache_magento_relations() -%}
    {%- if execute -%}
        {%- for node in graph.sources.values() if node.source_name == 'magento' -%}
            {%- if loop.first -%}
                {%- do adapter.get_relation(database=node.database, schema=node.schema, identifier=node.identifier) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    select 1
{%- endmacro %}
