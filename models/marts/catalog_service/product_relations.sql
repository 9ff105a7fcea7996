-- Composite product -> child product. Configurable children come from
-- catalog_product_super_link (authoritative for configurables), bundle and grouped children from
-- catalog_product_relation; a configurable pair is normally in both tables and is one row here.
-- See int_product_relations_checked and int_product_super_links_checked.

with

relations as (

    select * from {{ ref('int_product_relations_checked') }}
    where migration_status = 'migrated'

),

super_links as (

    select * from {{ ref('int_product_super_links_checked') }}
    where migration_status = 'migrated'

),

products as (

    select
        id,
        magento_id,
        type_id
    from {{ ref('products') }}

),

pairs as (

    select
        coalesce(relations.parent_product_id, super_links.parent_product_id) as parent_product_id,
        coalesce(relations.child_product_id, super_links.child_product_id) as child_product_id,
        super_links.link_id,
        relations.parent_product_id is not null as in_product_relation,
        super_links.link_id is not null as in_super_link
    from relations
    full outer join super_links
        on
            relations.parent_product_id = super_links.parent_product_id
            and relations.child_product_id = super_links.child_product_id

),

final as (

    select
        parents.id as parent_id,
        children.id as child_id,
        parents.type_id as relation_type,
        pairs.parent_product_id as magento_parent_id,
        pairs.child_product_id as magento_child_id,
        pairs.link_id as magento_super_link_id,
        pairs.in_product_relation,
        pairs.in_super_link,
        'magento' as source
    from pairs
    inner join products as parents
        on pairs.parent_product_id = parents.magento_id
    inner join products as children
        on pairs.child_product_id = children.magento_id

)

select * from final
