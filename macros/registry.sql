{#
    The readers of the registry of Magento tables: the `meta:` of each source in
    models/staging/magento/_magento__sources.yml (keys documented there), as copied into
    magento_registry() (macros/registry_generated.sql, `make registry`). That copy, not
    graph.sources, because dbt resolves every ref() while it parses, before it reads sources:
    the models below ref() what the registry lists. Every list of Magento tables the models
    need comes from here.
#}


{#
    The registry entry of one table, with what is derived filled in (EAV value tables).
    `registry` and `value_tables` (magento_registry(), magento_eav_value_tables()) when the caller
    reads many tables: each is a walk of the whole registry, and one a table made the change
    feed's compilation quadratic (14 s of every build).
#}
{% macro magento_table_meta(table, registry=none, value_tables=none) -%}
    {%- set registry = registry if registry is not none else magento_registry() -%}
    {%- if registry.get(table) -%}
        {{ return(registry[table]) }}
    {%- endif -%}
    {%- set value_tables = value_tables if value_tables is not none else magento_eav_value_tables() -%}
    {%- if table in value_tables -%}
        {%- set entity_type = registry[value_tables[table]]['entity'] -%}
        {{ return({'primary_key': ['value_id'], 'describes': {'entity': entity_type, 'key': 'entity_id'}}) }}
    {%- endif -%}
    {{ return(registry[table]) }}
{%- endmacro %}


{#
    The EAV entity tables and their entity types: the `entity` tables that have a
    <table>_<backend type> source for every EAV backend type.
#}
{% macro sync_eav_entity_tables() -%}
    {%- set registry = magento_registry() -%}
    {%- set found = {} -%}
    {%- for table, meta in registry.items() if meta.get('entity') -%}
        {%- set missing = [] -%}
        {%- for backend_type in eav_backend_types() if (table ~ '_' ~ backend_type) not in registry -%}
            {%- do missing.append(backend_type) -%}
        {%- endfor -%}
        {%- if not missing -%}
            {%- do found.update({table: meta['entity']}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}


{# {value table: its EAV entity table}, for the five value tables of each EAV entity table. #}
{% macro magento_eav_value_tables() -%}
    {%- set found = {} -%}
    {%- for entity_table in sync_eav_entity_tables() -%}
        {%- for backend_type in eav_backend_types() -%}
            {%- do found.update({entity_table ~ '_' ~ backend_type: entity_table}) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}


{#
    The EAV entities (sync_eav_entity_tables), sorted by table, one dict each: entity (its
    entity type), table (its entity table, the prefix of its value tables), entity_type_code
    (Magento's eav_entity_type code: the table's name without `_entity`), staging_model and key
    (its staging model and the id column there), unioned (the model of its value rows,
    int_<entity>_attribute_values_unioned) and has_store (its value tables have store_id: the
    catalog's; read from the source's columns, so false while dbt parses, when no SQL runs).
#}
{% macro magento_eav_entities() -%}
    {%- set entities = [] -%}
    {%- for table, entity in sync_eav_entity_tables() | dictsort -%}
        {%- set values = graph.sources.get('source.' ~ project_name ~ '.magento.' ~ table ~ '_varchar') if execute else none -%}
        {%- do entities.append({
            'entity': entity,
            'table': table,
            'entity_type_code': table[:-7] if table.endswith('_entity') else table,
            'staging_model': 'stg_magento__' ~ table,
            'key': magento_staged_primary_key(table)[0],
            'unioned': 'int_' ~ entity ~ '_attribute_values_unioned',
            'has_store': values is not none and 'store_id' in values.columns,
        }) -%}
    {%- endfor -%}
    {{ return(entities) }}
{%- endmacro %}


{# An EAV entity table and its five value tables. #}
{% macro sync_eav_tables(entity_table) -%}
    {%- set tables = [entity_table] -%}
    {%- for backend_type in eav_backend_types() -%}
        {%- do tables.append(entity_table ~ '_' ~ backend_type) -%}
    {%- endfor -%}
    {{ return(tables) }}
{%- endmacro %}


{#
    EAV metadata and store tables (eav_metadata): every EAV pivot reads them (attribute ids,
    backend types, scopes, option labels, store views). A change to any of them recomputes every
    entity.
#}
{% macro sync_metadata_tables() -%}
    {%- set tables = [] -%}
    {%- for table, meta in magento_registry().items() if meta.get('eav_metadata') -%}
        {%- do tables.append(table) -%}
    {%- endfor -%}
    {{ return(tables) }}
{%- endmacro %}


{#
    Which entity a raw row belongs to: entity type (as in migration.magento_id_map) and the raw
    column holding that entity's Magento id. `entity_table` marks the entity's own table (its soft
    deletes are deletions of the entity, logged in migration.deletions); the other tables listed
    (`describes`: EAV values, link rows that only describe one entity) make their entity
    "affected". Raw (Magento) column names. Tables not listed are logged per table, without an
    entity.
#}
{% macro sync_entity_keys() -%}
    {%- set keys = {} -%}
    {%- set registry = magento_registry() -%}
    {%- set value_tables = magento_eav_value_tables() -%}
    {%- for table in registry -%}
        {%- set meta = magento_table_meta(table, registry, value_tables) -%}
        {%- if meta.get('entity') -%}
            {%- do keys.update({table: {
                'entity_type': meta['entity'],
                'key': magento_entity_key(table, meta['primary_key']),
                'entity_table': true,
            }}) -%}
        {%- elif meta.get('describes') -%}
            {%- do keys.update({table: {
                'entity_type': meta['describes']['entity'],
                'key': meta['describes']['key'],
                'entity_table': false,
            }}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(keys) }}
{%- endmacro %}


{# The one primary-key column of an entity table (the Magento id its UUIDs are issued for). #}
{% macro magento_entity_key(table, primary_key) -%}
    {%- if primary_key | length != 1 -%}
        {{ exceptions.raise_compiler_error("registry: entity table " ~ table ~ " needs a one-column primary_key, has " ~ primary_key) }}
    {%- endif -%}
    {{ return(primary_key[0]) }}
{%- endmacro %}


{#
    A Magento column's name in the table's staging model: the `<column> as <name>` rename of
    stg_magento__<table>, else the column's own name. Read from the model's SQL, so only while
    dbt executes; while it parses (nothing runs then) the Magento name is returned.
#}
{% macro magento_staged_column(table, column) -%}
    {%- set node = graph.nodes.get('model.' ~ project_name ~ '.stg_magento__' ~ table) if execute else none -%}
    {%- if node is none -%}
        {{ return(column) }}
    {%- endif -%}
    {%- set rename = modules.re.search('(?m)^\\s*' ~ column ~ '\\s+as\\s+(\\w+),?\\s*$', node.raw_code) -%}
    {{ return(rename.group(1) if rename else column) }}
{%- endmacro %}


{# The primary key of one table, under its staged column names. #}
{% macro magento_staged_primary_key(table, registry=none, value_tables=none) -%}
    {%- set columns = [] -%}
    {%- for column in magento_table_meta(table, registry, value_tables).get('primary_key', []) -%}
        {%- do columns.append(magento_staged_column(table, column)) -%}
    {%- endfor -%}
    {{ return(columns) }}
{%- endmacro %}


{#
    The primary key of every replicated Magento table, under its staged column names (Magento's
    table has none for the media-gallery link: its unique key is used). Used where rows of any
    table are listed, e.g. migration.repairs.
#}
{% macro magento_primary_keys() -%}
    {%- set keys = {} -%}
    {%- set registry = magento_registry() -%}
    {%- set value_tables = magento_eav_value_tables() -%}
    {%- for table in registry -%}
        {%- do keys.update({table: magento_staged_primary_key(table, registry, value_tables)}) -%}
    {%- endfor -%}
    {{ return(keys) }}
{%- endmacro %}


{#
    The *_checked models (checked_model): one per migrated Magento table whose rows can be
    quarantined or left out. migration.quarantine and migration.exclusions are built from this
    list, and the row-count reconciliation tests rely on it: a table listed here is fully
    accounted for. `id` is the checked model's id column (checked_id, else the staged primary key);
    `key` the columns it joins the staged rows on.
#}
{% macro migration_checked_models() -%}
    {%- set checked = [] -%}
    {%- for table, meta in magento_registry().items() if meta.get('checked_model') -%}
        {%- set primary_key = magento_staged_primary_key(table) -%}
        {%- if meta.get('checked_id') -%}
            {%- set id = meta['checked_id'] -%}
            {%- set key = [id] if id in primary_key else primary_key -%}
        {%- else -%}
            {%- set id = magento_entity_key(table, primary_key) -%}
            {%- set key = [id] -%}
        {%- endif -%}
        {%- do checked.append({'source_table': table, 'model': meta['checked_model'], 'id': id, 'key': key}) -%}
    {%- endfor -%}
    {{ return(checked) }}
{%- endmacro %}


{#
    The entity types that get UUIDs (entity), in registry order: {entity type: {table, key}},
    key = the staged id column. Each has its model magento_ids__<entity type>
    (models/migration/identity/); migration.magento_id_map is their union.
#}
{% macro magento_identity_entities() -%}
    {%- set entities = {} -%}
    {%- for table, meta in magento_registry().items() if meta.get('entity') -%}
        {%- do entities.update({meta['entity']: {
            'table': table,
            'key': magento_entity_key(table, magento_staged_primary_key(table)),
        }}) -%}
    {%- endfor -%}
    {{ return(entities) }}
{%- endmacro %}


{#
    The row checks of one service's reconciliation (analyses/reconcile_<service>.sql):
    [(service model, Magento table, optional where on the service model)] of the tables whose
    service_table is in that service.
#}
{% macro magento_reconciliation_row_checks(service) -%}
    {%- set checks = [] -%}
    {%- for table, meta in magento_registry().items() if meta.get('service_table', '').startswith(service ~ '.') -%}
        {%- set model = meta['service_table'].split('.')[1] -%}
        {%- if meta.get('service_table_filter') -%}
            {%- do checks.append((model, table, meta['service_table_filter'])) -%}
        {%- else -%}
            {%- do checks.append((model, table)) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(checks) }}
{%- endmacro %}
