-- Every value the migration changed on its way from Magento, one row per table, row and column:
-- MySQL zero or impossible dates made NULL, NUL characters removed (by the magento-singer-repair
-- mapper, recorded in each staged row's _repairs). The rows themselves are migrated.

with

repaired_rows as (

    {%- for table, key in magento_primary_keys().items() %}
    select
        '{{ table }}' as source_table,
        {%- if key | length == 1 %}
        cast({{ key[0] }} as bigint) as magento_id,
        {%- else %}
        cast(null as bigint) as magento_id,
        {%- endif %}
        jsonb_build_object(
            {%- for column in key %}
            '{{ column }}', {{ column }}{{ ',' if not loop.last }}
            {%- endfor %}
        ) as row_key,
        _repairs as repairs
    from {{ ref('stg_magento__' ~ table) }}
    where _repairs is not null
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

final as (

    select
        repaired_rows.source_table,
        repaired_rows.magento_id,
        repaired_rows.row_key,
        repair.key as column_name,
        repair.value ->> 'original' as original_value,
        repair.value ->> 'reason' as reason
    from repaired_rows
    cross join lateral jsonb_each(repaired_rows.repairs) as repair

)

select * from final
