-- Reconciliation of the warehouse service with Magento: stock rows and total quantity.

{{ reconciliation_report(
    row_checks=[
        ('stock_items', 'cataloginventory_stock_item'),
    ],
    sum_checks=[
        ('stock_items', 'qty', 'cataloginventory_stock_item', 'qty', 'stock_item_id'),
    ],
) }}
