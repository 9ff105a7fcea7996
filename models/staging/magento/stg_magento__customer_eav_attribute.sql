with

source as (

    {{ magento_source('customer_eav_attribute') }}

),

renamed as (

    select
        -- ids
        attribute_id,
        -- flags
        cast(is_visible as boolean) as is_visible,
        cast(is_system as boolean) as is_system,
        cast(is_used_in_grid as boolean) as is_used_in_grid,
        cast(is_visible_in_grid as boolean) as is_visible_in_grid,
        cast(is_filterable_in_grid as boolean) as is_filterable_in_grid,
        cast(is_searchable_in_grid as boolean) as is_searchable_in_grid,
        -- numbers
        multiline_count,
        sort_order,
        grid_filter_condition_type,
        -- text
        input_filter,
        validate_rules,
        data_model,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
