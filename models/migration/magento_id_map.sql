{{ config(materialized='view') }}

-- The identity map: one UUID per Magento entity, issued once and never changed. A view, the
-- union of the append-only models of each entity type (models/migration/identity/
-- magento_ids__<entity type>, macro magento_identity_model): marts read their entity's model,
-- users and tests this view.

{%- set entities = magento_identity_entities() %}

with

issued as (

    {%- for entity_type in entities %}
    select
        entity_type,
        magento_id,
        new_uuid,
        created_at
    from {{ ref('magento_ids__' ~ entity_type) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

)

select * from issued
