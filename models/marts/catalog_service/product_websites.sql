with

product_websites as (

    select * from {{ ref('int_product_websites_checked') }}
    where migration_status = 'migrated'

),

products as (

    select
        id,
        magento_id
    from {{ ref('products') }}

),

final as (

    select
        products.id as product_id,
        product_websites.website_id,
        products.magento_id as magento_product_id,
        product_websites.website_code,
        'magento' as source
    from product_websites
    inner join products
        on product_websites.product_id = products.magento_id

)

select * from final
