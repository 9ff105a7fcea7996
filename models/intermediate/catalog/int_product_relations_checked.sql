-- Every composite parent -> child row of catalog_product_relation with the migration's verdict.
-- Which table is authoritative: for configurable parents, catalog_product_super_link (what
-- Magento's configurable type, admin and storefront read; see int_product_super_links_checked);
-- for bundle and grouped parents, catalog_product_relation, the only replicated table that holds
-- them (Magento mirrors catalog_product_bundle_selection and catalog_product_link into it).
-- A relation row is quarantined when its parent or child is missing or quarantined, when the
-- parent is not a composite product, or when a configurable parent's row has no super link
-- (a stale relation Magento no longer shows).
--
-- catalog_product_relation has no id column (its key is (parent_id, child_id)): `relation_key`
-- = parent_id * 2^32 + child_id (both int unsigned in Magento) stands in for it in
-- migration.quarantine.

with

relations as (

    select * from {{ ref('stg_magento__catalog_product_relation') }}

),

super_links as (

    select * from {{ ref('stg_magento__catalog_product_super_link') }}

),

products as (

    select * from {{ ref('int_products_checked') }}

),

checks as (

    select
        relations.*,
        relations.parent_product_id * 4294967296 + relations.child_product_id as relation_key,
        parents.type_id as relation_type,
        {{ parent_quarantine_reason('parents', 'relations.parent_product_id', 'product') }}
            as parent_reason,
        {{ parent_quarantine_reason('children', 'relations.child_product_id', 'product') }}
            as child_reason,
        case
            when parents.type_id not in ('configurable', 'bundle', 'grouped')
                then 'parent product ' || relations.parent_product_id
                    || ' is not a composite product (type ' || parents.type_id || ')'
            when
                parents.type_id = 'configurable'
                and not exists (
                    select 1
                    from super_links
                    where
                        super_links.parent_product_id = relations.parent_product_id
                        and super_links.child_product_id = relations.child_product_id
                )
                then 'stale relation: configurable product ' || relations.parent_product_id
                    || ' has no super link to child ' || relations.child_product_id
        end as relation_reason
    from relations
    left join products as parents
        on relations.parent_product_id = parents.product_id
    left join products as children
        on relations.child_product_id = children.product_id

),

final as (

    select
        *,
        {{ quarantine_reason(['parent_reason', 'child_reason', 'relation_reason']) }}
            as quarantine_reason,
        {{ migration_status(['parent_reason', 'child_reason', 'relation_reason']) }}
            as migration_status
    from checks

)

select * from final
