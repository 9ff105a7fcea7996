{#
    The body of an identity model, models/migration/identity/magento_ids__<entity type>.sql: one
    UUID per Magento id of one entity type (registry key `entity`), issued once and never changed.
    Append-only: a rerun adds the ids it has not seen, `dbt build --full-refresh` leaves the table
    alone (full_refresh: false), and an entity deleted in Magento keeps its row.
    migration.magento_id_map is the union of these models.

    Upgrade: a warehouse built before the identity map was split holds it as one table,
    migration.magento_id_map. The first build of an entity model then starts from that table's
    rows of its entity type (created_at kept), and the view of the same name replaces the table
    once every entity model holds its rows.
#}
{% macro magento_identity_model(entity_type) -%}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    full_refresh=false,
    on_schema_change='fail',
) }}
{%- set entity = magento_identity_entities().get(entity_type) -%}
{%- if entity is none -%}
    {{ exceptions.raise_compiler_error("registry: no table has entity '" ~ entity_type ~ "'") }}
{%- endif -%}
{%- set legacy_map = magento_identity_legacy_map() if not is_incremental() else none %}

with

entities as (

    select distinct
        cast('{{ entity_type }}' as text) as entity_type,
        cast({{ entity.key }} as bigint) as magento_id
    from {{ ref('stg_magento__' ~ entity.table) }}
    where {{ entity.key }} is not null

),

issued as (

    {%- if is_incremental() %}
    select
        entity_type,
        magento_id,
        new_uuid,
        created_at
    from {{ this }}
    {%- elif legacy_map is not none %}
    select
        cast(entity_type as text) as entity_type,
        cast(magento_id as bigint) as magento_id,
        cast(new_uuid as uuid) as new_uuid,
        cast(created_at as timestamptz) as created_at
    from {{ legacy_map }}
    where entity_type = '{{ entity_type }}'
    {%- else %}
    select
        cast(null as text) as entity_type,
        cast(null as bigint) as magento_id,
        cast(null as uuid) as new_uuid,
        cast(null as timestamptz) as created_at
    where false
    {%- endif %}

),

new_entities as (

    select entities.*
    from entities
    left join issued
        on entities.magento_id = issued.magento_id
    where issued.magento_id is null

),

final as (

    {%- if legacy_map is not none %}
    select * from issued
    union all
    {%- endif %}
    select
        entity_type,
        magento_id,
        {{ magento_uuid('entity_type', 'magento_id') }} as new_uuid,
        now() as created_at
    from new_entities

)

select * from final
{%- endmacro %}


{#
    The identity map as one table (the layout before one model per entity type), when the
    warehouse still has it: the relation of magento_id_map if it is a table, else none.
#}
{% macro magento_identity_legacy_map() -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set node = graph.nodes.get('model.' ~ project_name ~ '.magento_id_map') -%}
    {%- set relation = adapter.get_relation(
        database=node.database, schema=node.schema, identifier=node.alias,
    ) -%}
    {{ return(relation if relation is not none and relation.is_table else none) }}
{%- endmacro %}
