-- Reconciliation of the payment service with Magento: payments, transactions, refunds and their
-- amounts.

{{ reconciliation_report(
    row_checks=[
        ('payment_records', 'sales_order_payment'),
        ('payment_transactions', 'sales_payment_transaction'),
        ('refunds', 'sales_creditmemo'),
        ('refund_items', 'sales_creditmemo_item'),
    ],
    sum_checks=[
        ('payment_records', 'amount_paid', 'sales_order_payment', 'amount_paid', 'payment_id'),
        ('refunds', 'grand_total', 'sales_creditmemo', 'grand_total', 'creditmemo_id'),
        ('refund_items', 'row_total', 'sales_creditmemo_item', 'row_total', 'creditmemo_item_id'),
    ],
) }}
