with

source as (

    {{ magento_source_current('salesrule_customer_group') }}

),

renamed as (

    select
        -- ids
        rule_id,
        customer_group_id,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
