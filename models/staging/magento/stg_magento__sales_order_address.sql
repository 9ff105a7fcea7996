with

source as (

    {{ magento_source('sales_order_address') }}

),

renamed as (

    select
        -- ids
        entity_id as order_address_id,
        parent_id as order_id,
        customer_address_id,
        quote_address_id,
        region_id,
        customer_id,
        country_id,
        vat_id,
        vat_request_id,
        -- flags
        cast(vat_is_valid as boolean) as vat_is_valid,
        cast(vat_request_success as boolean) as vat_request_success,
        -- text
        fax,
        region,
        postcode,
        lastname as last_name,
        street,
        city,
        email,
        telephone,
        firstname as first_name,
        address_type,
        prefix,
        middlename as middle_name,
        suffix,
        company,
        vat_request_date,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
