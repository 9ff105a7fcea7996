-- Reconciliation of the review service with Magento: reviews and rating votes.

{{ reconciliation_report('review_service') }}
