-- Magento rows deliberately left out of the migration, with the reason: the migration_start_date
-- filter (and the rows that follow a left-out customer), and store-view values of global
-- attributes, which Magento itself ignores; on Adobe Commerce, the rows of versions that are not
-- current now (scheduled or superseded).

with

excluded as (

    {%- for checked in migration_checked_models() %}
    select
        '{{ checked.source_table }}' as source_table,
        cast({{ checked.id }} as bigint) as magento_id,
        'left out by migration_start_date {{ var("migration_start_date") }}: '
        || 'created before it, or belongs to a customer who was' as reason
    from {{ ref(checked.model) }}
    where migration_status = 'before_migration_start'
    union all
    {%- endfor %}
    -- store-view values of global attributes: Magento ignores them, so does the migration
    select
        source_table,
        cast(value_id as bigint) as magento_id,
        'store-view value of the global attribute ' || attribute_code
        || ': Magento uses the default (store 0) value' as reason
    from {{ ref('int_eav_value_rows_checked') }}
    where migration_status = 'excluded'
    union all
    -- Adobe Commerce content staging: versions that are not current now
    select
        source_table,
        magento_id,
        reason
    from {{ ref('int_staged_versions_excluded') }}

)

select * from excluded
