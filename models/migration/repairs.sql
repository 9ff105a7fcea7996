{{ config(pre_hook="{{ create_try_cast_jsonb() }}") }}

-- Every value the migration changed on its way from Magento ('repaired') and every migrated value
-- it kept but wants a person to look at ('flagged'), one row per table, row and column. The rows
-- themselves are in the services.
--   repaired by the magento-singer-repair mapper (each staged row's _repairs): MySQL zero or
--     impossible dates -> NULL, NUL characters removed, mojibake re-decoded;
--   repaired in the models: option ids an attribute does not have dropped, emails trimmed,
--     structured text that is not JSON kept as raw text;
--   flagged: negative stock, order totals that do not add up.
-- Outside the `prod` target the original text values are masked (macros/pii_masking.sql): they
-- are source values, customers' names and e-mails among them.

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

loader_repairs as (

    select
        repaired_rows.source_table,
        repaired_rows.magento_id,
        repaired_rows.row_key,
        'repaired' as action,
        repair.key as column_name,
        {{ mask_text("repair.value ->> 'original'") }} as original_value,
        repair.value ->> 'reason' as reason
    from repaired_rows
    cross join lateral jsonb_each(repaired_rows.repairs) as repair

),

eav_repairs as (

    select
        source_table,
        cast(value_id as bigint) as magento_id,
        jsonb_build_object('value_id', value_id) as row_key,
        'repaired' as action,
        'value' as column_name,
        {{ mask_text('value') }} as original_value,
        repair_reason || ' (attribute ' || attribute_code || ')' as reason
    from {{ ref('int_eav_value_rows_checked') }}
    where migration_status = 'migrated' and repair_reason is not null

),

trimmed_emails as (

    select
        'customer_entity' as source_table,
        cast(customer_id as bigint) as magento_id,
        jsonb_build_object('customer_id', customer_id) as row_key,
        'repaired' as action,
        'email' as column_name,
        {{ mask_email('email') }} as original_value,
        'surrounding whitespace trimmed' as reason
    from {{ ref('int_customers_checked') }}
    where migration_status = 'migrated' and email <> clean_email

),

unparsed_payment_details as (

    select
        'sales_order_payment' as source_table,
        cast(payment_id as bigint) as magento_id,
        jsonb_build_object('payment_id', payment_id) as row_key,
        'repaired' as action,
        'additional_information' as column_name,
        {{ mask_text('additional_information') }} as original_value,
        'not valid JSON (' || {{ serialized_format('additional_information') }}
        || '): kept as raw text in payment_records.additional_information_raw' as reason
    from {{ ref('int_order_payments_checked') }}
    where
        migration_status = 'migrated'
        and {{ serialized_format('additional_information') }} in ('invalid', 'php_serialized')

),

negative_stock as (

    select
        'cataloginventory_stock_item' as source_table,
        cast(stock_item_id as bigint) as magento_id,
        jsonb_build_object('stock_item_id', stock_item_id) as row_key,
        'flagged' as action,
        'qty' as column_name,
        cast(qty as text) as original_value,
        'negative stock quantity, migrated as is' as reason
    from {{ ref('int_stock_items_checked') }}
    where migration_status = 'migrated' and qty < 0

),

order_totals as (

    select
        'sales_order' as source_table,
        cast(order_id as bigint) as magento_id,
        jsonb_build_object('order_id', order_id) as row_key,
        'flagged' as action,
        'grand_total' as column_name,
        cast(grand_total as text) as original_value,
        'grand_total differs by '
        || cast(grand_total - {{ order_expected_grand_total() }} as text)
        || ' from subtotal + shipping + tax + discount; migrated as is' as reason
    from {{ ref('int_orders_checked') }}
    where
        migration_status = 'migrated'
        and abs(grand_total - {{ order_expected_grand_total() }}) >= 0.01

),

final as (

    select * from loader_repairs
    union all
    select * from eav_repairs
    union all
    select * from trimmed_emails
    union all
    select * from unparsed_payment_details
    union all
    select * from negative_stock
    union all
    select * from order_totals

)

select * from final
