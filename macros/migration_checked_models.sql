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
        {'source_table': 'catalog_category_entity', 'model': 'int_categories_checked', 'id': 'category_id'},
        {'source_table': 'catalog_category_product', 'model': 'int_product_categories_checked', 'id': 'category_product_id'},
        {'source_table': 'catalog_product_relation', 'model': 'int_product_relations_checked', 'id': 'relation_key', 'key': ['parent_product_id', 'child_product_id']},
        {'source_table': 'catalog_product_super_link', 'model': 'int_product_super_links_checked', 'id': 'link_id'},
        {'source_table': 'catalog_product_website', 'model': 'int_product_websites_checked', 'id': 'product_website_key', 'key': ['product_id', 'website_id']},
        {'source_table': 'catalog_product_entity_media_gallery_value_to_entity', 'model': 'int_product_media_checked', 'id': 'product_media_key', 'key': ['media_gallery_value_id', 'product_id']},
        {'source_table': 'url_rewrite', 'model': 'int_url_rewrites_checked', 'id': 'url_rewrite_id'},
        {'source_table': 'cataloginventory_stock_item', 'model': 'int_stock_items_checked', 'id': 'stock_item_id'},
        {'source_table': 'review', 'model': 'int_reviews_checked', 'id': 'review_id'},
        {'source_table': 'rating_option_vote', 'model': 'int_rating_votes_checked', 'id': 'vote_id'},
    ] -%}
    {%- set order_payment_promotion_loyalty_services = [
        {'source_table': 'sales_order', 'model': 'int_orders_checked', 'id': 'order_id'},
        {'source_table': 'sales_order_item', 'model': 'int_order_items_checked', 'id': 'order_item_id'},
        {'source_table': 'sales_order_address', 'model': 'int_order_addresses_checked', 'id': 'order_address_id'},
        {'source_table': 'sales_order_payment', 'model': 'int_order_payments_checked', 'id': 'payment_id'},
        {'source_table': 'sales_payment_transaction', 'model': 'int_payment_transactions_checked', 'id': 'transaction_id'},
        {'source_table': 'sales_creditmemo', 'model': 'int_creditmemos_checked', 'id': 'creditmemo_id'},
        {'source_table': 'sales_creditmemo_item', 'model': 'int_creditmemo_items_checked', 'id': 'creditmemo_item_id'},
        {'source_table': 'salesrule', 'model': 'int_salesrules_checked', 'id': 'rule_id'},
        {'source_table': 'salesrule_coupon', 'model': 'int_salesrule_coupons_checked', 'id': 'coupon_id'},
        {'source_table': 'magento_reward', 'model': 'int_rewards_checked', 'id': 'reward_id'},
        {'source_table': 'magento_reward_history', 'model': 'int_reward_history_checked', 'id': 'history_id'},
    ] -%}
    {{ return(customer_service + catalog_warehouse_review_services + order_payment_promotion_loyalty_services) }}
{%- endmacro %}
