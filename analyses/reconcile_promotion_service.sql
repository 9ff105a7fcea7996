-- Reconciliation of the promotion service with Magento: cart price rules and coupons.

{{ reconciliation_report(
    row_checks=[
        ('promotion_rules', 'salesrule'),
        ('coupons', 'salesrule_coupon'),
    ],
) }}
