with

source as (

    {{ magento_source('rating_option_vote') }}

),

renamed as (

    select
        -- ids
        vote_id,
        option_id as rating_option_id,
        customer_id,
        entity_pk_value as reviewed_entity_id,
        rating_id,
        review_id,
        -- numbers
        remote_ip_long,
        percent as vote_percent,
        value as vote_value,
        -- text
        remote_ip,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
