with

source as (

    {{ magento_source('staging_update') }}

),

renamed as (

    select
        -- ids
        id as staging_update_id,
        rollback_id,
        moved_to,
        -- text
        name,
        description,
        -- flags
        cast(is_campaign as boolean) as is_campaign,
        cast(is_rollback as boolean) as is_rollback,
        -- timestamps
        start_time,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
