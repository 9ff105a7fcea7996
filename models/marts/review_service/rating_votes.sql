with

votes as (

    select * from {{ ref('int_rating_votes_checked') }}
    where migration_status = 'migrated'

),

reviews as (

    select
        id,
        magento_id,
        product_id,
        created_at
    from {{ ref('reviews') }}

),

customers as (

    select
        id,
        magento_id
    from {{ ref('customers') }}

),

ids as (

    select * from {{ ref('magento_ids__rating_vote') }}

),

final as (

    select
        ids.new_uuid as id,
        votes.vote_id as magento_id,
        reviews.id as review_id,
        votes.rating_code,
        votes.rating_id as magento_rating_id,
        votes.rating_option_id as magento_rating_option_id,
        votes.vote_value as value,
        votes.vote_percent as percent,
        reviews.product_id,
        customers.id as customer_id,
        votes.customer_reference_status,
        {{ mask_ip('votes.remote_ip') }} as remote_ip,
        reviews.created_at,
        'magento' as source
    from votes
    inner join ids
        on votes.vote_id = ids.magento_id
    inner join reviews
        on votes.review_id = reviews.magento_id
    left join customers
        on
            votes.voter_customer_id = customers.magento_id
            and votes.customer_reference_status = 'linked'

)

select * from final
