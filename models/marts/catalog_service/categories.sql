{{ config(post_hook="{{ self_foreign_key('parent_id') }}") }}

-- The category tree. parent_id points into this same table: its foreign key is added by the
-- post-hook (self_foreign_key), once the new table has its final name.

with

categories as (

    select * from {{ ref('int_categories_checked') }}
    where migration_status = 'migrated'

),

ids as (

    select * from {{ ref('magento_ids__category') }}

),

uuid_paths as (

    -- the path with every Magento id replaced by its UUID; every ancestor of a migrated category
    -- is migrated (int_categories_checked), so none is missing
    select
        categories.category_id,
        string_agg(cast(ancestor_ids.new_uuid as text), '/' order by path_entry.depth) as uuid_path
    from categories
    cross join lateral unnest(categories.path_ids) with ordinality as path_entry (path_id, depth)
    inner join ids as ancestor_ids
        on path_entry.path_id = ancestor_ids.magento_id
    group by categories.category_id

),

final as (

    select
        ids.new_uuid as id,
        categories.category_id as magento_id,
        parent_ids.new_uuid as parent_id,
        nullif(categories.parent_category_id, 0) as magento_parent_id,
        categories.path,
        uuid_paths.uuid_path,
        categories.level,
        categories.position,
        categories.name,
        categories.url_key,
        categories.url_path,
        categories.is_active,
        categories.include_in_menu,
        categories.is_anchor,
        categories.display_mode,
        categories.description,
        categories.meta_title,
        categories.meta_keywords,
        categories.meta_description,
        categories.image,
        categories.children_count,
        categories.attribute_set_id,
        categories.attributes,
        categories.created_at,
        categories.updated_at,
        'magento' as source
    from categories
    inner join ids
        on categories.category_id = ids.magento_id
    inner join uuid_paths
        on categories.category_id = uuid_paths.category_id
    left join ids as parent_ids
        on categories.parent_category_id = parent_ids.magento_id

)

select * from final
