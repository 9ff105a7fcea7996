-- Reconciliation of the promotion service with Magento: cart price rules and coupons.

{{ reconciliation_report('promotion_service') }}
