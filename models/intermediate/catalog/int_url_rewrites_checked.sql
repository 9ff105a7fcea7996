-- Every storefront URL (url_rewrite) with the migration's verdict. A product or category URL
-- follows its entity: one whose product or category is missing or quarantined is quarantined
-- (it would lead nowhere). Other URLs (CMS pages, custom redirects) are migrated as they are:
-- no service owns their entity, but the storefront must keep answering them. Magento keeps one
-- URL per (request_path, store_id); a repeated pair keeps its first row.

with

rewrites as (

    select * from {{ ref('stg_magento__url_rewrite') }}

),

products as (

    select * from {{ ref('int_products_checked') }}

),

categories as (

    select * from {{ ref('int_categories_checked') }}

),

checks as (

    select
        rewrites.*,
        case
            when rewrites.entity_type = 'product'
                then {{ parent_quarantine_reason('products', 'rewrites.entity_id', 'product') }}
            when rewrites.entity_type = 'category'
                then {{ parent_quarantine_reason('categories', 'rewrites.entity_id', 'category') }}
        end as entity_reason,
        case
            when
                row_number() over (
                    partition by rewrites.request_path, rewrites.store_id
                    order by rewrites.url_rewrite_id
                ) > 1
                then 'duplicate url: ' || rewrites.request_path || ' in store '
                    || rewrites.store_id
        end as duplicate_reason
    from rewrites
    left join products
        on
            rewrites.entity_id = products.product_id
            and rewrites.entity_type = 'product'
    left join categories
        on
            rewrites.entity_id = categories.category_id
            and rewrites.entity_type = 'category'

),

final as (

    select
        *,
        {{ quarantine_reason(['entity_reason', 'duplicate_reason']) }} as quarantine_reason,
        {{ migration_status(['entity_reason', 'duplicate_reason']) }} as migration_status
    from checks

)

select * from final
