-- Every Magento review with the migration's verdict. The review service takes product reviews
-- only: a review of another review entity (Magento's 'customer' and 'category' entities, which
-- no storefront module writes) is quarantined with its entity code. A review needs its
-- review_detail row (title, text, nickname): one without is quarantined. A review of a product
-- that is gone (or not migrated) is kept, with product_reference_status saying why its
-- product_id is NULL; likewise the customer (guest, deleted, not migrated).

with

reviews as (

    select * from {{ ref('stg_magento__review') }}

),

review_entities as (

    select * from {{ ref('stg_magento__review_entity') }}

),

details as (

    -- one detail per review in Magento; should there be more, the first one counts
    select distinct on (review_id) *
    from {{ ref('stg_magento__review_detail') }}
    order by review_id, review_detail_id

),

products as (

    select * from {{ ref('int_products_checked') }}

),

customers as (

    select * from {{ ref('int_customers_checked') }}

),

checks as (

    select
        reviews.*,
        review_entities.entity_code as review_entity_code,
        details.review_detail_id,
        details.store_id,
        details.title,
        details.detail,
        details.nickname,
        details.customer_id,
        {{ reference_status('reviews.reviewed_entity_id', 'products', 'deleted_product') }}
            as product_reference_status,
        {{ customer_reference_status('details.customer_id', 'customers') }}
            as customer_reference_status,
        case
            when review_entities.entity_code is null
                then 'orphan: review entity '
                    || coalesce(cast(reviews.review_entity_id as text), 'NULL') || ' does not exist'
            when review_entities.entity_code <> 'product'
                then 'not a product review: review of a ' || review_entities.entity_code
                    || ' (review entity ' || reviews.review_entity_id || ')'
        end as entity_reason,
        case
            when details.review_detail_id is null
                then 'missing review_detail: no title, text or nickname'
        end as detail_reason
    from reviews
    left join review_entities
        on reviews.review_entity_id = review_entities.review_entity_id
    left join details
        on reviews.review_id = details.review_id
    left join products
        on
            reviews.reviewed_entity_id = products.product_id
            and review_entities.entity_code = 'product'
    left join customers
        on details.customer_id = customers.customer_id

),

final as (

    select
        *,
        {{ quarantine_reason(['entity_reason', 'detail_reason']) }} as quarantine_reason,
        {{ migration_status(['entity_reason', 'detail_reason']) }} as migration_status
    from checks

)

select * from final
