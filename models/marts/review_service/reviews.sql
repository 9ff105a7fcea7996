with

reviews as (

    select * from {{ ref('int_reviews_checked') }}
    where migration_status = 'migrated'

),

review_stores as (

    select
        review_id,
        array_agg(distinct store_id order by store_id) as store_ids
    from {{ ref('stg_magento__review_store') }}
    group by review_id

),

review_statuses as (

    select * from {{ ref('stg_magento__review_status') }}

),

products as (

    select
        id,
        magento_id
    from {{ ref('products') }}

),

customers as (

    select
        id,
        magento_id
    from {{ ref('customers') }}

),

ids as (

    select * from {{ ref('magento_ids__review') }}

),

final as (

    select
        ids.new_uuid as id,
        reviews.review_id as magento_id,
        products.id as product_id,
        reviews.reviewed_entity_id as magento_product_id,
        reviews.product_reference_status,
        customers.id as customer_id,
        reviews.customer_reference_status,
        {{ mask_text('reviews.nickname') }} as nickname,
        {{ mask_text('reviews.title') }} as title,
        {{ mask_text('reviews.detail') }} as detail,
        {{ magento_code('review_status', 'reviews.review_status_id') }} as status,
        reviews.review_status_id as magento_status,
        review_statuses.status_code as magento_status_code,
        reviews.store_id,
        coalesce(review_stores.store_ids, cast(array[] as integer[])) as store_ids,
        reviews.created_at,
        'magento' as source
    from reviews
    inner join ids
        on reviews.review_id = ids.magento_id
    left join review_stores
        on reviews.review_id = review_stores.review_id
    left join review_statuses
        on reviews.review_status_id = review_statuses.review_status_id
    left join products
        on
            reviews.reviewed_entity_id = products.magento_id
            and reviews.product_reference_status = 'linked'
    left join customers
        on
            reviews.customer_id = customers.magento_id
            and reviews.customer_reference_status = 'linked'

)

select * from final
