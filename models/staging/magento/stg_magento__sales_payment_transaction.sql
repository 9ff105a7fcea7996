with

source as (

    {{ magento_source('sales_payment_transaction') }}

),

renamed as (

    select
        -- ids
        transaction_id,
        parent_id as parent_transaction_id,
        order_id,
        payment_id,
        txn_id,
        parent_txn_id,
        -- flags
        cast(is_closed as boolean) as is_closed,
        -- timestamps
        created_at,
        -- text
        txn_type,
        additional_information,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
