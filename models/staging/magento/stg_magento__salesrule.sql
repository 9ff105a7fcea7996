with

source as (

    {{ magento_source_current('salesrule') }}

),

renamed as (

    select
        -- ids
        rule_id,
        -- flags
        cast(is_active as boolean) as is_active,
        cast(stop_rules_processing as boolean) as stop_rules_processing,
        cast(is_advanced as boolean) as is_advanced,
        cast(apply_to_shipping as boolean) as apply_to_shipping,
        cast(is_rss as boolean) as is_rss,
        cast(use_auto_generation as boolean) as use_auto_generation,
        -- numbers
        simple_free_shipping,
        uses_per_customer,
        sort_order,
        discount_amount,
        discount_qty,
        discount_step,
        times_used,
        coupon_type,
        uses_per_coupon,
        -- timestamps
        from_date,
        to_date,
        -- text
        name,
        description,
        conditions_serialized,
        actions_serialized,
        product_ids,
        simple_action,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
