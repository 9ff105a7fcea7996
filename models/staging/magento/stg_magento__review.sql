with

source as (

    {{ magento_source('review') }}

),

renamed as (

    select
        -- ids
        review_id,
        entity_id as review_entity_id,
        entity_pk_value as reviewed_entity_id,
        status_id as review_status_id,
        -- timestamps
        created_at,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
