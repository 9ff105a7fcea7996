-- Every coupon code with the migration's verdict: it follows its rule (coupons of a missing or
-- quarantined rule are quarantined), and needs a code and a known type (0 manual, 1 generated).

with

coupons as (

    select * from {{ ref('stg_magento__salesrule_coupon') }}

),

rules as (

    select * from {{ ref('int_salesrules_checked') }}

),

checks as (

    select
        coupons.*,
        {{ parent_quarantine_reason('rules', 'coupons.rule_id', 'rule') }} as rule_reason,
        case
            when coupons.code is null or trim(coupons.code) = ''
                then 'missing coupon code'
        end as code_reason,
        case
            when
                {{ magento_code('salesrule_coupon_kind', 'coalesce(coupons.type, 0)') }}
                like 'unknown\_%'
                then 'unknown coupon type: ' || coupons.type
        end as type_reason
    from coupons
    left join rules
        on coupons.rule_id = rules.rule_id

),

final as (

    select
        *,
        {{ quarantine_reason(['rule_reason', 'code_reason', 'type_reason']) }} as quarantine_reason,
        {{ migration_status(['rule_reason', 'code_reason', 'type_reason']) }} as migration_status
    from checks

)

select * from final
