-- Reconciliation of the loyalty service with Magento (Adobe Commerce reward points; empty on Open
-- Source).

{{ reconciliation_report(
    'loyalty_service',
    sum_checks=[
        ('loyalty_point_balances', 'points_balance', 'magento_reward', 'points_balance', 'reward_id'),
    ],
) }}
