{{
    config(
        pre_hook="{{ create_try_cast_jsonb() }}",
        post_hook="{{ self_foreign_key('parent_transaction_id') }}",
    )
}}

with

transactions as (

    select * from {{ ref('int_payment_transactions_checked') }}
    where migration_status = 'migrated'

),

payment_records as (

    select
        id,
        magento_id,
        order_id
    from {{ ref('payment_records') }}

),

ids as (

    select * from {{ ref('magento_ids__payment_transaction') }}

),

final as (

    select
        ids.new_uuid as id,
        transactions.transaction_id as magento_id,
        payment_records.id as payment_record_id,
        payment_records.order_id,
        transactions.txn_id,
        transactions.parent_txn_id,
        parent_ids.new_uuid as parent_transaction_id,
        transactions.txn_type,
        coalesce(transactions.is_closed, false) as is_closed,
        {{ mask_json(json_or_null('transactions.additional_information')) }}
            as additional_information,
        {{ serialized_format('transactions.additional_information') }}
            as additional_information_format,
        {{ mask_text(unparsed_text('transactions.additional_information')) }}
            as additional_information_raw,
        transactions.created_at,
        'magento' as source
    from transactions
    inner join ids
        on transactions.transaction_id = ids.magento_id
    inner join payment_records
        on transactions.payment_id = payment_records.magento_id
    left join ids as parent_ids
        on transactions.parent_transaction_id = parent_ids.magento_id

)

select * from final
