-- Reconciliation of the loyalty service with Magento (Adobe Commerce reward points; empty on Open
-- Source).

{{ reconciliation_report(
    row_checks=[
        ('loyalty_point_balances', 'magento_reward'),
        ('loyalty_point_history', 'magento_reward_history'),
    ],
    sum_checks=[
        ('loyalty_point_balances', 'points_balance', 'magento_reward', 'points_balance', 'reward_id'),
    ],
) }}
