{#
    Row-count reconciliation of a service table with its Magento source table: every staged
    source row is either in the service table, in migration.quarantine or in migration.exclusions
    (the migration_start_date filter, content-staging versions not current now), exactly once.
    The source side counts the raw rows as staging reads them (magento_source), so a Commerce
    version that staging drops must be in migration.exclusions. Fails with the three counts when not.
#}
{% test reconciles_with_source(model, source_table) %}

with

source_rows as (

    -- every raw row (every version of a content-staged one), as magento_source() reads it
    select count(*) as row_count from ({{ magento_source(source_table) }}) as raw_rows

),

migrated_rows as (

    select count(*) as row_count from {{ model }}

),

quarantined_rows as (

    select count(*) as row_count from {{ ref('quarantine') }}
    where source_table = '{{ source_table }}'

),

excluded_rows as (

    select count(*) as row_count from {{ ref('exclusions') }}
    where source_table = '{{ source_table }}'

)

select
    source_rows.row_count as source_rows,
    migrated_rows.row_count as migrated_rows,
    quarantined_rows.row_count as quarantined_rows,
    excluded_rows.row_count as excluded_rows
from source_rows
cross join migrated_rows
cross join quarantined_rows
cross join excluded_rows
where
    source_rows.row_count
    <> migrated_rows.row_count + quarantined_rows.row_count + excluded_rows.row_count

{% endtest %}
