{{ config(pre_hook="{{ create_try_cast_jsonb() }}") }}

with

rules as (

    select * from {{ ref('int_salesrules_checked') }}
    where migration_status = 'migrated'

),

ids as (

    select * from {{ ref('magento_ids__salesrule') }}

),

final as (

    select
        ids.new_uuid as id,
        rules.rule_id as magento_id,
        rules.name,
        rules.description,
        coalesce(rules.is_active, false) as is_active,
        {{ magento_code('salesrule_coupon_type', 'rules.coupon_type') }} as coupon_type,
        rules.coupon_type as magento_coupon_type,
        coalesce(rules.use_auto_generation, false) as use_auto_generation,
        rules.discount_amount,
        rules.simple_action as discount_type,
        rules.discount_qty,
        rules.discount_step,
        coalesce(rules.apply_to_shipping, false) as apply_to_shipping,
        rules.simple_free_shipping,
        coalesce(rules.stop_rules_processing, false) as stop_rules_processing,
        rules.uses_per_customer,
        rules.uses_per_coupon,
        rules.times_used,
        rules.from_date,
        rules.to_date,
        rules.sort_order,
        coalesce(rules.is_rss, false) as is_rss,
        rules.website_ids,
        rules.customer_group_ids,
        {{ json_or_null('rules.conditions_serialized') }} as conditions,
        {{ serialized_format('rules.conditions_serialized') }} as conditions_format,
        {{ unparsed_text('rules.conditions_serialized') }} as conditions_raw,
        {{ json_or_null('rules.actions_serialized') }} as actions,
        {{ serialized_format('rules.actions_serialized') }} as actions_format,
        {{ unparsed_text('rules.actions_serialized') }} as actions_raw,
        'magento' as source
    from rules
    inner join ids
        on rules.rule_id = ids.magento_id

)

select * from final
