-- Every product <-> website assignment (catalog_product_website) with the migration's verdict:
-- it follows its product, and needs an existing website (not the admin website 0).
--
-- catalog_product_website has no id column (its key is (product_id, website_id)):
-- `product_website_key` = product_id * 2^16 + website_id (website_id is a smallint unsigned in
-- Magento) stands in for it in migration.quarantine.

with

product_websites as (

    select * from {{ ref('stg_magento__catalog_product_website') }}

),

products as (

    select * from {{ ref('int_products_checked') }}

),

websites as (

    select * from {{ ref('stg_magento__store_website') }}

),

checks as (

    select
        product_websites.*,
        product_websites.product_id * 65536 + product_websites.website_id as product_website_key,
        websites.code as website_code,
        {{ parent_quarantine_reason('products', 'product_websites.product_id', 'product') }}
            as product_reason,
        case
            when websites.website_id is null or websites.website_id = 0
                then 'orphan: website '
                    || coalesce(cast(product_websites.website_id as text), 'NULL')
                    || ' does not exist'
        end as website_reason
    from product_websites
    left join products
        on product_websites.product_id = products.product_id
    left join websites
        on product_websites.website_id = websites.website_id

),

final as (

    select
        *,
        {{ quarantine_reason(['product_reason', 'website_reason']) }} as quarantine_reason,
        {{ migration_status(['product_reason', 'website_reason']) }} as migration_status
    from checks

)

select * from final
