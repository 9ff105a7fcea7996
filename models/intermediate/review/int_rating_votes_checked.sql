-- Every rating vote (rating_option_vote) with the migration's verdict. A vote follows its review:
-- a vote of a missing or quarantined review is quarantined. A vote needs its rating (the
-- criterion: Quality, Value, Price, ...) and a star value of 1 to 5; a review has one vote per
-- rating (the latest vote counts, an earlier one for the same rating is quarantined). customer_id
-- 0 is Magento's "no customer" (the column defaults to 0) and is read as NULL.

{%- set reasons = ['review_reason', 'rating_reason', 'value_reason', 'duplicate_reason'] %}

with

votes as (

    select * from {{ ref('stg_magento__rating_option_vote') }}

),

reviews as (

    select * from {{ ref('int_reviews_checked') }}

),

ratings as (

    select * from {{ ref('stg_magento__rating') }}

),

customers as (

    select * from {{ ref('int_customers_checked') }}

),

checks as (

    select
        votes.*,
        nullif(votes.customer_id, 0) as voter_customer_id,
        ratings.rating_code,
        {{ customer_reference_status('nullif(votes.customer_id, 0)', 'customers') }}
            as customer_reference_status,
        {{ parent_quarantine_reason('reviews', 'votes.review_id', 'review') }} as review_reason,
        case
            when ratings.rating_id is null
                then 'orphan: rating ' || coalesce(cast(votes.rating_id as text), 'NULL')
                    || ' does not exist'
        end as rating_reason,
        case
            when votes.vote_value is null or votes.vote_value not between 1 and 5
                then 'invalid vote value: ' || coalesce(cast(votes.vote_value as text), 'NULL')
        end as value_reason,
        case
            when
                row_number() over (
                    partition by votes.review_id, votes.rating_id order by votes.vote_id desc
                ) > 1
                then 'duplicate vote: review ' || votes.review_id || ' has a later vote for rating '
                    || votes.rating_id
        end as duplicate_reason
    from votes
    left join reviews
        on votes.review_id = reviews.review_id
    left join ratings
        on votes.rating_id = ratings.rating_id
    left join customers
        on nullif(votes.customer_id, 0) = customers.customer_id

),

final as (

    select
        *,
        {{ quarantine_reason(reasons) }} as quarantine_reason,
        {{ migration_status(reasons) }} as migration_status
    from checks

)

select * from final
