-- Every cart price rule (salesrule) with the migration's verdict, plus the websites and customer
-- groups it applies to (from its link tables). A rule the promotion service could not apply is
-- quarantined: a discount type (simple_action) that is not one of Magento's four, or a coupon
-- type that is not one of its three.

{%- set discount_types = ['by_percent', 'by_fixed', 'cart_fixed', 'buy_x_get_y'] %}

with

rules as (

    select * from {{ ref('stg_magento__salesrule') }}

),

rule_websites as (

    select * from {{ ref('stg_magento__salesrule_website') }}

),

rule_customer_groups as (

    select
        rule_id,
        cast(customer_group_id as integer) as customer_group_id
    from {{ ref('stg_magento__salesrule_customer_group') }}

),

websites_per_rule as (

    select
        rule_id,
        array_agg(distinct website_id order by website_id) as website_ids
    from rule_websites
    group by rule_id

),

customer_groups_per_rule as (

    select
        rule_id,
        array_agg(distinct customer_group_id order by customer_group_id) as customer_group_ids
    from rule_customer_groups
    group by rule_id

),

checks as (

    select
        rules.*,
        coalesce(websites_per_rule.website_ids, cast(array[] as integer[])) as website_ids,
        coalesce(customer_groups_per_rule.customer_group_ids, cast(array[] as integer[]))
            as customer_group_ids,
        case
            when rules.simple_action is null
                then 'missing discount type (simple_action)'
            when rules.simple_action not in (
                    {%- for value in discount_types %}
                    '{{ value }}'{{ ',' if not loop.last }}
                    {%- endfor %}
                )
                then 'unsupported discount type (simple_action): ' || rules.simple_action
        end as discount_type_reason,
        case
            when {{ magento_code('salesrule_coupon_type', 'rules.coupon_type') }} like 'unknown\_%'
                then 'unknown coupon_type: ' || rules.coupon_type
        end as coupon_type_reason
    from rules
    left join websites_per_rule
        on rules.rule_id = websites_per_rule.rule_id
    left join customer_groups_per_rule
        on rules.rule_id = customer_groups_per_rule.rule_id

),

final as (

    select
        *,
        {{ quarantine_reason(['discount_type_reason', 'coupon_type_reason']) }}
            as quarantine_reason,
        {{ migration_status(['discount_type_reason', 'coupon_type_reason']) }} as migration_status
    from checks

)

select * from final
