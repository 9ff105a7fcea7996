with

source as (

    {{ magento_source('eav_entity_type') }}

),

renamed as (

    select
        -- ids
        entity_type_id,
        default_attribute_set_id,
        -- flags
        cast(is_data_sharing as boolean) as is_data_sharing,
        cast(increment_per_store as boolean) as increment_per_store,
        -- numbers
        increment_pad_length,
        -- text
        entity_type_code,
        entity_model,
        attribute_model,
        entity_table,
        value_table_prefix,
        entity_id_field,
        data_sharing_key,
        increment_model,
        increment_pad_char,
        additional_attribute_table,
        entity_attribute_collection,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
