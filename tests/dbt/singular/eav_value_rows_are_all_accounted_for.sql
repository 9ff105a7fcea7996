-- Every row of every EAV value table is read into its entity (through the *_values_unioned
-- models the pivots consume), quarantined, or excluded - exactly once. Returns the tables where
-- staged rows <> consumed + quarantined + excluded.
-- Each relation is read once and grouped by table (a subquery per table and relation read the
-- unioned views and the exclusions view 20 times: minutes on a medium store).

{%- set entities = magento_eav_entities() %}

with

staged as (

    {%- for eav in entities %}
    {%- set outer_loop = loop %}
    {%- for backend_type in eav_backend_types() %}
    select
        '{{ eav.table }}_{{ backend_type }}' as source_table,
        count(*) as row_count
    from ({{ magento_source(eav.table ~ '_' ~ backend_type) }}) as raw_rows  -- noqa: ST05
    {%- if not (outer_loop.last and loop.last) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}

),

consumed as (

    {%- for eav in entities %}
    select
        '{{ eav.table }}_' || consumed.backend_type as source_table,
        count(*) as row_count
    from {{ ref(eav.unioned) }} as consumed
    inner join {{ ref(eav.staging_model) }} as entities
        on consumed.entity_id = entities.{{ eav.key }}
    where not (consumed.scope = 'global' and consumed.store_id <> 0)
    group by consumed.backend_type
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

quarantined as (

    select
        source_table,
        count(*) as row_count
    from {{ ref('quarantine') }}
    group by source_table

),

excluded as (

    select
        source_table,
        count(*) as row_count
    from {{ ref('exclusions') }}
    group by source_table

),

accounting as (

    select
        staged.source_table,
        staged.row_count as staged,
        coalesce(consumed.row_count, 0) as consumed,
        coalesce(quarantined.row_count, 0) as quarantined,
        coalesce(excluded.row_count, 0) as excluded
    from staged
    left join consumed on staged.source_table = consumed.source_table
    left join quarantined on staged.source_table = quarantined.source_table
    left join excluded on staged.source_table = excluded.source_table

)

select *
from accounting
where staged <> consumed + quarantined + excluded
