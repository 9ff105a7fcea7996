-- A service table kept in place by the sync: only rows that differ are written (macro
-- sync_service_table).

{{ sync_service_table() }}

with

addresses as (

    select * from {{ ref('int_customer_addresses_checked') }}
    where migration_status = 'migrated'

),

customers as (

    select
        id,
        magento_id
    from {{ ref('customers') }}

),

regions as (

    select * from {{ ref('stg_magento__directory_country_region') }}

),

ids as (

    select * from {{ ref('magento_ids__customer_address') }}

),

final as (

    select
        ids.new_uuid as id,
        addresses.customer_address_id as magento_id,
        customers.id as customer_id,
        {{ mask_text('addresses.first_name') }} as first_name,
        {{ mask_text('addresses.last_name') }} as last_name,
        {{ mask_text('addresses.middle_name') }} as middle_name,
        {{ mask_text('addresses.prefix') }} as prefix,  -- noqa: RF04
        {{ mask_text('addresses.suffix') }} as suffix,
        {{ mask_text('addresses.company') }} as company,
        {{ street_lines(mask_text('addresses.street')) }} as street,
        addresses.city,
        coalesce(addresses.region, regions.region_name) as region,
        regions.region_code,
        addresses.region_id,
        {{ mask_text('addresses.postcode') }} as postcode,
        addresses.country_id as country,
        {{ mask_text('addresses.telephone') }} as telephone,
        {{ mask_text('addresses.fax') }} as fax,
        {{ mask_text('addresses.vat_id') }} as vat_id,
        coalesce(addresses.is_active, true) as is_active,
        coalesce(addresses.is_default_billing, false) as is_default_billing,
        coalesce(addresses.is_default_shipping, false) as is_default_shipping,
        {{ mask_json('addresses.custom_attributes') }} as custom_attributes,
        addresses.created_at,
        addresses.updated_at,
        'magento' as source,
        {{ sync_run_timestamp() }} as _synced_at
    from addresses
    inner join ids
        on addresses.customer_address_id = ids.magento_id
    inner join customers
        on addresses.customer_id = customers.magento_id
    left join regions
        on addresses.region_id = regions.region_id

)

select * from final
