with

rewards as (

    select * from {{ ref('int_rewards_checked') }}
    where migration_status = 'migrated'

),

history as (

    select * from {{ ref('stg_magento__magento_reward_history') }}

),

customers as (

    select
        id,
        magento_id
    from {{ ref('customers') }}

),

ids as (

    select * from {{ ref('magento_ids__reward') }}

),

history_totals as (

    select
        reward_id,
        sum(points_used) as points_used,
        sum(points_voided) as points_voided,
        count(*) as history_entries
    from history
    group by reward_id

),

final as (

    select
        ids.new_uuid as id,
        rewards.reward_id as magento_id,
        customers.id as customer_id,
        rewards.website_id,
        rewards.points_balance,
        cast(coalesce(history_totals.points_used, 0) as bigint) as points_used,
        cast(coalesce(history_totals.points_voided, 0) as bigint) as points_voided,
        coalesce(history_totals.history_entries, 0) as history_entries,
        rewards.website_currency_code as currency_code,
        'magento' as source
    from rewards
    inner join ids
        on rewards.reward_id = ids.magento_id
    inner join customers
        on rewards.customer_id = customers.magento_id
    left join history_totals
        on rewards.reward_id = history_totals.reward_id

)

select * from final
