-- Every configurable parent -> child link of catalog_product_super_link with the migration's
-- verdict. For configurable products this table is authoritative (Magento's configurable type
-- reads its children from it); catalog_product_relation only mirrors it. A link is quarantined
-- when its parent or child is missing or quarantined, or when the parent is not a configurable
-- product.

with

super_links as (

    select * from {{ ref('stg_magento__catalog_product_super_link') }}

),

products as (

    select * from {{ ref('int_products_checked') }}

),

checks as (

    select
        super_links.*,
        {{ parent_quarantine_reason('parents', 'super_links.parent_product_id', 'product') }}
            as parent_reason,
        {{ parent_quarantine_reason('children', 'super_links.child_product_id', 'product') }}
            as child_reason,
        case
            when parents.type_id <> 'configurable'
                then 'parent product ' || super_links.parent_product_id
                    || ' is not configurable (type ' || parents.type_id || ')'
            when
                row_number() over (
                    partition by super_links.parent_product_id, super_links.child_product_id
                    order by super_links.link_id
                ) > 1
                then 'duplicate super link of product ' || super_links.parent_product_id
                    || ' to child ' || super_links.child_product_id
        end as link_reason
    from super_links
    left join products as parents
        on super_links.parent_product_id = parents.product_id
    left join products as children
        on super_links.child_product_id = children.product_id

),

final as (

    select
        *,
        {{ quarantine_reason(['parent_reason', 'child_reason', 'link_reason']) }}
            as quarantine_reason,
        {{ migration_status(['parent_reason', 'child_reason', 'link_reason']) }}
            as migration_status
    from checks

)

select * from final
