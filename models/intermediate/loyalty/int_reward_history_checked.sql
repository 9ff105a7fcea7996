-- Every reward points ledger entry (Adobe Commerce magento_reward_history; empty on Magento Open
-- Source) with the migration's verdict: it follows its balance (and so the customer), and an
-- entry whose action code Magento does not define is quarantined.

with

history as (

    select * from {{ ref('stg_magento__magento_reward_history') }}

),

rewards as (

    select * from {{ ref('int_rewards_checked') }}

),

checks as (

    select
        history.*,
        rewards.customer_id,
        {{ magento_code('reward_action', 'history.action') }} as reward_action,
        {{ parent_quarantine_reason('rewards', 'history.reward_id', 'reward') }} as reward_reason,
        case
            when history.action is null
                then 'missing reward action'
            when {{ magento_code('reward_action', 'history.action') }} like 'unknown\_%'
                then 'unknown reward action: ' || history.action
        end as action_reason,
        coalesce(rewards.migration_status = 'before_migration_start', false)
            as is_before_migration_start
    from history
    left join rewards
        on history.reward_id = rewards.reward_id

),

final as (

    select
        *,
        {{ quarantine_reason(['reward_reason', 'action_reason']) }} as quarantine_reason,
        {{ migration_status(['reward_reason', 'action_reason'], 'is_before_migration_start') }}
            as migration_status
    from checks

)

select * from final
