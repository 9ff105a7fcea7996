with

coupons as (

    select * from {{ ref('int_salesrule_coupons_checked') }}
    where migration_status = 'migrated'

),

promotion_rules as (

    select
        id,
        magento_id
    from {{ ref('promotion_rules') }}

),

ids as (

    select * from {{ ref('magento_ids__salesrule_coupon') }}

),

final as (

    select
        ids.new_uuid as id,
        coupons.coupon_id as magento_id,
        promotion_rules.id as rule_id,
        coupons.code,
        coupons.usage_limit,
        coupons.usage_per_customer,
        coupons.times_used,
        coupons.expiration_date,
        coalesce(coupons.is_primary, false) as is_primary,
        {{ magento_code('salesrule_coupon_kind', 'coalesce(coupons.type, 0)') }} as type,
        coalesce(coupons.type, 0) as magento_type,
        coupons.created_at,
        'magento' as source
    from coupons
    inner join ids
        on coupons.coupon_id = ids.magento_id
    inner join promotion_rules
        on coupons.rule_id = promotion_rules.magento_id

)

select * from final
