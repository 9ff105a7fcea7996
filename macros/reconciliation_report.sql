{#
    The body of the reconciliation analyses (analyses/reconcile_<service>.sql): one row per check
    with what Magento has (its raw rows, every version of a content-staged one, as
    magento_source reads them), what the service has, what was quarantined or excluded, and what
    is left unaccounted (0 everywhere in a good migration).

    service: the service schema; its row checks (one per Magento table whose rows it migrates)
    come from the registry (macro magento_reconciliation_row_checks)
    sum_checks: [(service model, service column, Magento table, Magento column, Magento id column)]
#}
{% macro reconciliation_report(service, sum_checks=[]) -%}
{%- set row_checks = magento_reconciliation_row_checks(service) -%}
with

checks as (

    {%- for check in row_checks %}
    {%- set model, source_table = check[0], check[1] %}
    select
        'rows of {{ model }}{{ " (" ~ check[2] ~ ")" if check | length > 2 }}' as check_name,
        '{{ source_table }}' as magento_table,
        -- every raw row, every version of a content-staged one (exclusions hold the versions
        -- staging drops), as the reconciles_with_source tests count them
        (select count(*) from ({{ magento_source(source_table) }}) as raw_rows) as magento,
        (
            select count(*) from {{ ref(model) }}
            {%- if check | length > 2 %}
            where {{ check[2] }}
            {%- endif %}
        ) as migrated,
        (
            select count(*) from {{ ref('quarantine') }}
            where source_table = '{{ source_table }}'
        ) as quarantined,
        (
            select count(*) from {{ ref('exclusions') }}
            where source_table = '{{ source_table }}'
        ) as excluded
    union all
    {%- endfor %}
    {%- for model, column, source_table, source_column, source_key in sum_checks %}
    select
        'sum of {{ model }}.{{ column }}' as check_name,
        '{{ source_table }}' as magento_table,
        (
            select coalesce(sum({{ source_column }}), 0)
            from {{ ref('stg_magento__' ~ source_table) }}
        ) as magento,
        (select coalesce(sum({{ column }}), 0) from {{ ref(model) }}) as migrated,
        (
            select coalesce(sum(cast(raw_row ->> '{{ source_column }}' as numeric)), 0)
            from {{ ref('quarantine') }}
            where source_table = '{{ source_table }}'
        ) as quarantined,
        (
            select coalesce(sum(source_rows.{{ source_column }}), 0)
            from {{ ref('exclusions') }} as excluded_rows
            inner join {{ ref('stg_magento__' ~ source_table) }} as source_rows
                on excluded_rows.magento_id = source_rows.{{ source_key }}
            where excluded_rows.source_table = '{{ source_table }}'
        ) as excluded
    union all
    {%- endfor %}
    select
        null as check_name,
        null as magento_table,
        null as magento,
        null as migrated,
        null as quarantined,
        null as excluded
    where false

),

final as (

    select
        check_name,
        magento_table,
        magento,
        migrated,
        quarantined,
        excluded,
        magento - migrated - quarantined - excluded as unaccounted
    from checks

)

select * from final
{%- endmacro %}
