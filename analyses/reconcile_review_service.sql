-- Reconciliation of the review service with Magento: reviews and rating votes.

{{ reconciliation_report(
    row_checks=[
        ('reviews', 'review'),
        ('rating_votes', 'rating_option_vote'),
    ],
) }}
