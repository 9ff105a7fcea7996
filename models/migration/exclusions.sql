-- Magento rows deliberately left out of the migration (the migration_start_date filter and the
-- rows that follow a left-out customer), with the reason. Empty when no filter is set.

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
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

)

select * from excluded
