-- Reconciliation of the payment service with Magento: payments, transactions, refunds and their
-- amounts.

{{ reconciliation_report(
    'payment_service',
    sum_checks=[
        ('payment_records', 'amount_paid', 'sales_order_payment', 'amount_paid', 'payment_id'),
        ('refunds', 'grand_total', 'sales_creditmemo', 'grand_total', 'creditmemo_id'),
        ('refund_items', 'row_total', 'sales_creditmemo_item', 'row_total', 'creditmemo_item_id'),
    ],
) }}
