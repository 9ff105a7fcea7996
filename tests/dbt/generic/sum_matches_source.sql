{#
    Value reconciliation: the sum of `column_name` over the service table equals the sum of
    `source_column` over the same rows in the Magento source (matched by magento_id), so no
    amount was altered on the way. `source_model` is a staging model, `source_key` its id column.
#}
{% test sum_matches_source(model, column_name, source_model, source_column, source_key, magento_id_column='magento_id') %}

with

migrated as (

    select
        {{ magento_id_column }} as magento_id,
        {{ column_name }} as migrated_value
    from {{ model }}

),

source_rows as (

    select
        {{ source_key }} as magento_id,
        {{ source_column }} as source_value
    from {{ ref(source_model) }}

),

totals as (

    select
        coalesce(sum(migrated.migrated_value), 0) as migrated_total,
        coalesce(sum(source_rows.source_value), 0) as source_total
    from migrated
    left join source_rows
        on migrated.magento_id = source_rows.magento_id

)

select *
from totals
where migrated_total <> source_total

{% endtest %}
