with

source as (

    {{ magento_source('catalog_eav_attribute') }}

),

renamed as (

    select
        -- ids
        attribute_id,
        -- flags
        cast(is_visible as boolean) as is_visible,
        cast(is_searchable as boolean) as is_searchable,
        cast(is_comparable as boolean) as is_comparable,
        cast(is_visible_on_front as boolean) as is_visible_on_front,
        cast(is_html_allowed_on_front as boolean) as is_html_allowed_on_front,
        cast(is_used_for_price_rules as boolean) as is_used_for_price_rules,
        cast(is_filterable_in_search as boolean) as is_filterable_in_search,
        cast(used_in_product_listing as boolean) as used_in_product_listing,
        cast(used_for_sort_by as boolean) as used_for_sort_by,
        cast(is_visible_in_advanced_search as boolean) as is_visible_in_advanced_search,
        cast(is_wysiwyg_enabled as boolean) as is_wysiwyg_enabled,
        cast(is_used_for_promo_rules as boolean) as is_used_for_promo_rules,
        cast(is_required_in_admin_store as boolean) as is_required_in_admin_store,
        cast(is_used_in_grid as boolean) as is_used_in_grid,
        cast(is_visible_in_grid as boolean) as is_visible_in_grid,
        cast(is_filterable_in_grid as boolean) as is_filterable_in_grid,
        -- numbers
        search_weight,
        is_global,
        is_filterable,
        position,
        -- text
        frontend_input_renderer,
        apply_to,
        is_pagebuilder_enabled,
        additional_data,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
