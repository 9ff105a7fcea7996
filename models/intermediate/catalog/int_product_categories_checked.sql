-- Every product <-> category assignment (catalog_category_product) with the migration's verdict:
-- it follows both its product and its category, so an assignment whose product or category is
-- missing or quarantined is quarantined too. Magento keeps one row per (category, product); a
-- repeated pair (possible only in a damaged database) keeps its first row.

with

assignments as (

    select * from {{ ref('stg_magento__catalog_category_product') }}

),

products as (

    select * from {{ ref('int_products_checked') }}

),

categories as (

    select * from {{ ref('int_categories_checked') }}

),

checks as (

    select
        assignments.*,
        {{ parent_quarantine_reason('products', 'assignments.product_id', 'product') }}
            as product_reason,
        {{ parent_quarantine_reason('categories', 'assignments.category_id', 'category') }}
            as category_reason,
        case
            when
                row_number() over (
                    partition by assignments.product_id, assignments.category_id
                    order by assignments.category_product_id
                ) > 1
                then 'duplicate assignment of product ' || assignments.product_id
                    || ' to category ' || assignments.category_id
        end as duplicate_reason
    from assignments
    left join products
        on assignments.product_id = products.product_id
    left join categories
        on assignments.category_id = categories.category_id

),

final as (

    select
        *,
        {{ quarantine_reason(['product_reason', 'category_reason', 'duplicate_reason']) }}
            as quarantine_reason,
        {{ migration_status(['product_reason', 'category_reason', 'duplicate_reason']) }}
            as migration_status
    from checks

)

select * from final
