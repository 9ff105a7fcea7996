-- Every gateway transaction (sales_payment_transaction) with the migration's verdict. A
-- transaction follows its payment, must belong to the same order as that payment, must have one
-- of Magento's transaction types, and follows its parent transaction up the whole chain
-- (authorization -> capture -> refund): a migrated transaction always has its parent.

{%- set txn_types = ['order', 'authorization', 'capture', 'void', 'refund', 'payment'] %}

with

transactions as (

    select * from {{ ref('stg_magento__sales_payment_transaction') }}

),

payments as (

    select * from {{ ref('int_order_payments_checked') }}

),

own_checks as (

    select
        transactions.*,
        {{ parent_quarantine_reason('payments', 'transactions.payment_id', 'payment') }}
            as payment_reason,
        case
            when payments.order_id <> transactions.order_id
                then 'order ' || transactions.order_id || ' is not the order of payment '
                    || transactions.payment_id || ' (' || payments.order_id || ')'
        end as order_reason,
        case
            when transactions.txn_type is null
                then 'missing txn_type'
            when transactions.txn_type not in (
                    {%- for value in txn_types %}
                    '{{ value }}'{{ ',' if not loop.last }}
                    {%- endfor %}
                )
                then 'unknown txn_type: ' || transactions.txn_type
        end as txn_type_reason
    from transactions
    left join payments
        on transactions.payment_id = payments.payment_id

),

own_reasons as (

    select
        *,
        {{ quarantine_reason(['payment_reason', 'order_reason', 'txn_type_reason']) }} as own_reason
    from own_checks

),

ancestor_checks as (

    {{ ancestor_quarantine_reason(
        'own_reasons',
        'transaction_id',
        'parent_transaction_id',
        'own_reason',
        'parent transaction',
    ) }}

),

final as (

    select
        own_reasons.*,
        ancestor_checks.reason as parent_transaction_reason,
        {{ quarantine_reason(['own_reasons.own_reason', 'ancestor_checks.reason']) }}
            as quarantine_reason,
        {{ migration_status(['own_reasons.own_reason', 'ancestor_checks.reason']) }}
            as migration_status
    from own_reasons
    left join ancestor_checks
        on own_reasons.transaction_id = ancestor_checks.transaction_id

)

select * from final
