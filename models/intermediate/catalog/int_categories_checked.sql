-- Every Magento category with the migration's verdict. The tree is migrated whole, Root Catalog
-- (1) and Default Category (2) included, and must be consistent: a category's path is its
-- parent's path plus its own id, its level is the depth of that path, and a root (parent 0) has a
-- path of its own id only. A category that breaks these rules is quarantined, and so is every
-- category below it (its path runs through a quarantined ancestor), so a migrated category always
-- has its whole chain of ancestors in the service.

with

categories as (

    select * from {{ ref('int_categories_pivoted') }}

),

path_checks as (

    select
        categories.*,
        categories.path as category_path,
        coalesce(categories.parent_category_id, 0) = 0 as is_root,
        categories.path ~ '^[0-9]+(/[0-9]+)*$' as is_well_formed_path,
        case
            when categories.path ~ '^[0-9]+(/[0-9]+)*$'
                then cast(string_to_array(categories.path, '/') as bigint[])
        end as path_ids,
        case
            when categories.path ~ '^[0-9]+(/[0-9]+)*$'
                then cast(substring(categories.path from '([0-9]+)$') as bigint)
        end as last_path_id,
        cardinality(string_to_array(categories.path, '/')) as path_depth,
        (
            select count(distinct path_part.path_id)
            from unnest(string_to_array(categories.path, '/')) as path_part (path_id)
        ) as distinct_path_depth
    from categories

),

own_checks as (

    select
        path_checks.*,
        case
            when path_checks.category_path is null or path_checks.is_well_formed_path is false
                then 'broken path: ' || coalesce('''' || path_checks.category_path || '''', 'NULL')
            when path_checks.last_path_id <> path_checks.category_id
                then 'broken path: ' || path_checks.category_path
                    || ' does not end with the category id'
            when path_checks.path_depth <> path_checks.distinct_path_depth
                then 'broken path: ' || path_checks.category_path || ' repeats a category'
            when path_checks.is_root and path_checks.path_depth <> 1
                then 'broken parent: no parent but path ' || path_checks.category_path
            when not path_checks.is_root and parents.category_id is null
                then 'orphan: category ' || path_checks.parent_category_id || ' does not exist'
            when
                not path_checks.is_root
                and path_checks.category_path <> parents.path || '/' || path_checks.category_id
                then 'broken path: ' || path_checks.category_path || ' does not extend the path '
                    || parents.path || ' of parent category ' || path_checks.parent_category_id
            when coalesce(path_checks.level <> path_checks.path_depth - 1, true)
                then 'broken level: ' || coalesce(cast(path_checks.level as text), 'NULL')
                    || ' for path ' || path_checks.category_path
        end as own_reason
    from path_checks
    left join categories as parents
        on path_checks.parent_category_id = parents.category_id

),

ancestor_checks as (

    -- the nearest ancestor (on the path) that is quarantined on its own
    select distinct on (own_checks.category_id)
        own_checks.category_id,
        'category ' || ancestors.category_id || ' is quarantined' as reason
    from own_checks
    cross join lateral unnest(own_checks.path_ids) with ordinality as path_entry (path_id, depth)
    inner join own_checks as ancestors
        on path_entry.path_id = ancestors.category_id
    where
        own_checks.own_reason is null
        and path_entry.path_id <> own_checks.category_id
        and ancestors.own_reason is not null
    order by own_checks.category_id asc, path_entry.depth desc

),

final as (

    select
        own_checks.*,
        ancestor_checks.reason as ancestor_reason,
        {{ quarantine_reason(['own_checks.own_reason', 'ancestor_checks.reason']) }}
            as quarantine_reason,
        {{ migration_status(['own_checks.own_reason', 'ancestor_checks.reason']) }}
            as migration_status
    from own_checks
    left join ancestor_checks
        on own_checks.category_id = ancestor_checks.category_id

)

select * from final
