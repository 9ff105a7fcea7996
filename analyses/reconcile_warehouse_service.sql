-- Reconciliation of the warehouse service with Magento: stock rows and total quantity.

{{ reconciliation_report(
    'warehouse_service',
    sum_checks=[
        ('stock_items', 'qty', 'cataloginventory_stock_item', 'qty', 'stock_item_id'),
    ],
) }}
