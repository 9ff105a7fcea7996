with

source as (

    {{ magento_source('customer_entity') }}

),

renamed as (

    select
        -- ids
        entity_id as customer_id,
        website_id,
        group_id as customer_group_id,
        increment_id,
        store_id,
        default_billing as default_billing_address_id,
        default_shipping as default_shipping_address_id,
        -- flags
        cast(is_active as boolean) as is_active,
        cast(disable_auto_group_change as boolean) as disable_auto_group_change,
        -- numbers
        gender,
        failures_num,
        -- timestamps
        created_at,
        updated_at,
        dob,
        rp_token_created_at,
        first_failure,
        lock_expires,
        session_cutoff,
        -- text
        email,
        created_in,
        prefix,
        firstname as first_name,
        middlename as middle_name,
        lastname as last_name,
        suffix,
        password_hash,
        rp_token,
        taxvat,
        confirmation,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
