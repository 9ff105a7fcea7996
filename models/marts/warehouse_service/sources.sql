-- Multi-source inventory sources (warehouses, shops), one row per Magento source; empty when the
-- store has no MSI tables. Keyed by Magento's source code, which every MSI table uses.

with

sources as (

    select * from {{ ref('stg_magento__inventory_source') }}

),

final as (

    select
        source_code as code,
        name,
        is_enabled,
        description,
        country_id as country_code,
        region_id as magento_region_id,
        region,
        city,
        street,
        postcode,
        latitude,
        longitude,
        contact_name,
        email,
        phone,
        coalesce(is_pickup_location_active, false) as is_pickup_location,
        'magento' as source
    from sources

)

select * from final
