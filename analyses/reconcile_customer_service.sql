-- Reconciliation of the customer service with Magento: every source row migrated, quarantined or
-- excluded.

{{ reconciliation_report(
    row_checks=[
        ('customers', 'customer_entity'),
        ('customer_addresses', 'customer_address_entity'),
        ('wishlists', 'wishlist'),
        ('wishlist_items', 'wishlist_item'),
        ('newsletter_subscribers', 'newsletter_subscriber'),
    ],
) }}
