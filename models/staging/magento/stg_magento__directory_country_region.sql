with

source as (

    {{ magento_source('directory_country_region') }}

),

renamed as (

    select
        -- ids
        region_id,
        country_id,
        -- text
        code as region_code,
        default_name as region_name,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
