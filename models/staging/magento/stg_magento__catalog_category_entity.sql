with

source as (

    {{ magento_source_current('catalog_category_entity') }}

),

renamed as (

    select
        -- ids
        entity_id as category_id,
        attribute_set_id,
        parent_id as parent_category_id,
        -- numbers
        position,
        level,
        children_count,
        -- timestamps
        created_at,
        updated_at,
        -- text
        path,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
