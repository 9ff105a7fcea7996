with

source as (

    {{ magento_source('eav_attribute') }}

),

renamed as (

    select
        -- ids
        attribute_id,
        entity_type_id,
        -- flags
        cast(is_required as boolean) as is_required,
        cast(is_user_defined as boolean) as is_user_defined,
        cast(is_unique as boolean) as is_unique,
        -- text
        attribute_code,
        attribute_model,
        backend_model,
        backend_type,
        backend_table,
        frontend_model,
        frontend_input,
        frontend_label,
        frontend_class,
        source_model,
        default_value,
        note,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
