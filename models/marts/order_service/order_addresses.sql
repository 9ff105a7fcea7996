with

addresses as (

    select * from {{ ref('int_order_addresses_checked') }}
    where migration_status = 'migrated'

),

orders as (

    select
        id,
        magento_id
    from {{ ref('orders') }}

),

customer_addresses as (

    select
        id,
        magento_id
    from {{ ref('customer_addresses') }}

),

regions as (

    select * from {{ ref('stg_magento__directory_country_region') }}

),

ids as (

    select * from {{ ref('magento_ids__order_address') }}

),

final as (

    select
        ids.new_uuid as id,
        addresses.order_address_id as magento_id,
        orders.id as order_id,
        addresses.address_type,
        customer_addresses.id as customer_address_id,
        {{ mask_text('addresses.first_name') }} as first_name,
        {{ mask_text('addresses.last_name') }} as last_name,
        {{ mask_text('addresses.middle_name') }} as middle_name,
        {{ mask_text('addresses.prefix') }} as prefix,  -- noqa: RF04
        {{ mask_text('addresses.suffix') }} as suffix,
        {{ mask_text('addresses.company') }} as company,
        {{ mask_email('addresses.email') }} as email,
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
        'magento' as source
    from addresses
    inner join ids
        on addresses.order_address_id = ids.magento_id
    inner join orders
        on addresses.order_id = orders.magento_id
    left join customer_addresses
        on addresses.customer_address_id = customer_addresses.magento_id
    left join regions
        on addresses.region_id = regions.region_id

)

select * from final
