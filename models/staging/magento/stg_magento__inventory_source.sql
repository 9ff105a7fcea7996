with

source as (

    {{ magento_source('inventory_source') }}

),

renamed as (

    select
        -- ids
        source_code,
        region_id,
        -- text
        name,
        description,
        country_id,
        region,
        city,
        street,
        postcode,
        contact_name,
        email,
        phone,
        fax,
        frontend_name,
        frontend_description,
        -- numbers
        latitude,
        longitude,
        -- flags
        cast(enabled as boolean) as is_enabled,
        cast(use_default_carrier_config as boolean) as uses_default_carrier_config,
        cast(is_pickup_location_active as boolean) as is_pickup_location_active,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
