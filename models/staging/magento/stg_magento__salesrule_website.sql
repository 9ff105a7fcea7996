with

source as (

    {{ magento_source_current('salesrule_website') }}

),

renamed as (

    select
        -- ids
        rule_id,
        website_id,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
