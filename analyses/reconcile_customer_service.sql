-- Reconciliation of the customer service with Magento: every source row migrated, quarantined or
-- excluded.

{{ reconciliation_report('customer_service') }}
