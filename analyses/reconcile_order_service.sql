-- Reconciliation of the order service with Magento: rows, order totals, item quantities.

{{ reconciliation_report(
    'order_service',
    sum_checks=[
        ('orders', 'grand_total', 'sales_order', 'grand_total', 'order_id'),
        ('orders', 'total_paid', 'sales_order', 'total_paid', 'order_id'),
        ('orders', 'total_refunded', 'sales_order', 'total_refunded', 'order_id'),
        ('order_items', 'qty_ordered', 'sales_order_item', 'qty_ordered', 'order_item_id'),
        ('order_items', 'row_total', 'sales_order_item', 'row_total', 'order_item_id'),
    ],
) }}
