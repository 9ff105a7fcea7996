{{ config(pre_hook="{{ create_try_cast_jsonb() }}") }}

-- Actions whose `entity` is an order entity_id (Magento\Reward\Model\Action\OrderExtra,
-- Creditmemo, CreditmemoVoid, and the order action itself).
{%- set order_actions = [1, 8, 9, 12] %}

with

history as (

    select * from {{ ref('int_reward_history_checked') }}
    where migration_status = 'migrated'

),

balances as (

    select
        id,
        magento_id,
        customer_id
    from {{ ref('loyalty_point_balances') }}

),

orders as (

    select
        id,
        magento_id
    from {{ ref('orders') }}

),

ids as (

    select * from {{ ref('magento_ids__reward_history') }}

),

final as (

    select
        ids.new_uuid as id,
        history.history_id as magento_id,
        balances.id as balance_id,
        balances.customer_id,
        history.website_id,
        history.store_id,
        history.reward_action as action,
        history.action as magento_action,
        history.points_delta,
        history.points_balance,
        history.points_used,
        history.points_voided,
        history.currency_amount,
        history.currency_delta,
        history.base_currency_code as currency_code,
        history.related_entity_id,
        orders.id as related_order_id,
        {{ mask_text('history.comment') }} as comment,  -- noqa: RF04
        {{ mask_json(json_or_null('history.additional_data')) }} as additional_data,
        {{ serialized_format('history.additional_data') }} as additional_data_format,
        {{ mask_text(unparsed_text('history.additional_data')) }} as additional_data_raw,
        history.created_at,
        coalesce(history.expired_at_static, history.expired_at_dynamic) as expires_at,
        history.expired_at_static,
        history.expired_at_dynamic,
        coalesce(history.is_expired, false) as is_expired,
        history.is_duplicate_of,
        coalesce(history.notification_sent, false) as notification_sent,
        'magento' as source
    from history
    inner join ids
        on history.history_id = ids.magento_id
    inner join balances
        on history.reward_id = balances.magento_id
    left join orders
        on
            history.related_entity_id = orders.magento_id
            and history.action in ({{ order_actions | join(', ') }})

)

select * from final
