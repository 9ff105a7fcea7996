with

source as (

    {{ magento_source('sequence_salesrule') }}

),

renamed as (

    select
        -- ids
        sequence_value as rule_id,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
