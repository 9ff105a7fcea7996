with

source as (

    {{ magento_source('customer_address_entity') }}

),

renamed as (

    select
        -- ids
        entity_id as customer_address_id,
        increment_id,
        parent_id as customer_id,
        country_id,
        region_id,
        vat_id,
        vat_request_id,
        -- flags
        cast(is_active as boolean) as is_active,
        -- numbers
        vat_is_valid,
        vat_request_success,
        -- timestamps
        created_at,
        updated_at,
        -- text
        city,
        company,
        fax,
        firstname as first_name,
        lastname as last_name,
        middlename as middle_name,
        postcode,
        prefix,
        region,
        street,
        suffix,
        telephone,
        vat_request_date,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
