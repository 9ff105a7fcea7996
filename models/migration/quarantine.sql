-- Every Magento row the migration could not carry over faithfully, with the reason and the row
-- as staged. Nothing is dropped silently: for each migrated table,
-- source rows = service rows + quarantined rows + excluded rows (tested per table).
-- A table without a single id column (a link table such as catalog_product_relation) names its
-- key columns in `key`; its checked model then gives magento_id as a bigint encoding of that key
-- in the column named by `id`.
-- Outside the `prod` target the row's text values are masked (macros/pii_masking.sql), and the
-- reasons that quote a value (an invalid e-mail) quote its mask.

with

quarantined as (

    {%- for checked in migration_checked_models() %}
    select
        '{{ checked.source_table }}' as source_table,
        cast(checked_rows.{{ checked.id }} as bigint) as magento_id,
        checked_rows.quarantine_reason as reason,
        to_jsonb(source_rows) as raw_row
    from {{ ref(checked.model) }} as checked_rows
    inner join {{ ref('stg_magento__' ~ checked.source_table) }} as source_rows
        on
        {%- for key in checked.get('key', [checked.id]) %}
            {{ 'and ' if not loop.first }}checked_rows.{{ key }} = source_rows.{{ key }}
        {%- endfor %}
    where checked_rows.migration_status = 'quarantined'
    union all
    {%- endfor %}
    -- EAV value rows Magento itself cannot use
    select
        eav_rows.source_table,
        cast(eav_rows.value_id as bigint) as magento_id,
        eav_rows.quarantine_reason as reason,
        to_jsonb(eav_rows) - 'quarantine_reason' - 'migration_status' as raw_row
    from {{ ref('int_eav_value_rows_checked') }} as eav_rows
    where eav_rows.migration_status = 'quarantined'

),

final as (

    select
        source_table,
        magento_id,
        reason,
        {{ mask_json('raw_row') }} as raw_row,
        now() as quarantined_at
    from quarantined

)

select * from final
