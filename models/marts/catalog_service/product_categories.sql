with

assignments as (

    select * from {{ ref('int_product_categories_checked') }}
    where migration_status = 'migrated'

),

products as (

    select
        id,
        magento_id
    from {{ ref('products') }}

),

categories as (

    select
        id,
        magento_id
    from {{ ref('categories') }}

),

final as (

    select
        products.id as product_id,
        categories.id as category_id,
        assignments.position,
        cast(assignments.category_product_id as bigint) as magento_id,
        'magento' as source
    from assignments
    inner join products
        on assignments.product_id = products.magento_id
    inner join categories
        on assignments.category_id = categories.magento_id

)

select * from final
