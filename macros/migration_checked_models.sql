{#
    The *_checked models: one per migrated Magento table whose rows can be quarantined or left out.
    migration.quarantine and migration.exclusions are built from this list, and the row-count
    reconciliation tests rely on it: a table listed here is fully accounted for.
#}
{% macro migration_checked_models() -%}
    {%- set customer_service = [
        {'source_table': 'customer_entity', 'model': 'int_customers_checked', 'id': 'customer_id'},
        {'source_table': 'customer_address_entity', 'model': 'int_customer_addresses_checked', 'id': 'customer_address_id'},
        {'source_table': 'wishlist', 'model': 'int_wishlists_checked', 'id': 'wishlist_id'},
        {'source_table': 'wishlist_item', 'model': 'int_wishlist_items_checked', 'id': 'wishlist_item_id'},
        {'source_table': 'newsletter_subscriber', 'model': 'int_newsletter_subscribers_checked', 'id': 'subscriber_id'},
    ] -%}
    {%- set catalog_warehouse_review_services = [
        {'source_table': 'catalog_product_entity', 'model': 'int_products_checked', 'id': 'product_id'},
    ] -%}
    {%- set order_payment_promotion_loyalty_services = [
    ] -%}
    {{ return(customer_service + catalog_warehouse_review_services + order_payment_promotion_loyalty_services) }}
{%- endmacro %}
