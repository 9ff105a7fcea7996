{#
    The sync's table registry: which entity a raw row belongs to, the EAV tables, the metadata
    tables. The rest of the continuous sync is in macros/sync/: feed.sql (the change feed),
    consumer.sql (the incremental models that read it) and strategy.sql (the `sync` incremental
    strategy).
#}


{#
    Which entity a raw row belongs to: entity type (as in migration.magento_id_map) and the raw
    column holding that entity's Magento id. `entity_table` marks the entity's own table (its soft
    deletes are deletions of the entity, logged in migration.deletions); the other tables listed
    (EAV values, link rows that only describe one entity) make their entity "affected". Raw
    (Magento) column names. Tables not listed are logged per table, without an entity.
#}
{% macro sync_entity_keys() -%}
    {%- set keys = {
        'customer_entity': {'entity_type': 'customer', 'key': 'entity_id', 'entity_table': true},
        'customer_address_entity': {'entity_type': 'customer_address', 'key': 'entity_id', 'entity_table': true},
        'wishlist': {'entity_type': 'wishlist', 'key': 'wishlist_id', 'entity_table': true},
        'wishlist_item': {'entity_type': 'wishlist_item', 'key': 'wishlist_item_id', 'entity_table': true},
        'newsletter_subscriber': {'entity_type': 'newsletter_subscriber', 'key': 'subscriber_id', 'entity_table': true},
        'catalog_product_entity': {'entity_type': 'product', 'key': 'entity_id', 'entity_table': true},
        'catalog_category_entity': {'entity_type': 'category', 'key': 'entity_id', 'entity_table': true},
        'cataloginventory_stock_item': {'entity_type': 'stock_item', 'key': 'item_id', 'entity_table': true},
        'sales_order': {'entity_type': 'order', 'key': 'entity_id', 'entity_table': true},
        'sales_order_item': {'entity_type': 'order_item', 'key': 'item_id', 'entity_table': true},
        'sales_order_address': {'entity_type': 'order_address', 'key': 'entity_id', 'entity_table': true},
        'sales_order_payment': {'entity_type': 'order_payment', 'key': 'entity_id', 'entity_table': true},
        'sales_payment_transaction': {'entity_type': 'payment_transaction', 'key': 'transaction_id', 'entity_table': true},
        'sales_creditmemo': {'entity_type': 'creditmemo', 'key': 'entity_id', 'entity_table': true},
        'sales_creditmemo_item': {'entity_type': 'creditmemo_item', 'key': 'entity_id', 'entity_table': true},
        'salesrule': {'entity_type': 'salesrule', 'key': 'rule_id', 'entity_table': true},
        'salesrule_coupon': {'entity_type': 'salesrule_coupon', 'key': 'coupon_id', 'entity_table': true},
        'review': {'entity_type': 'review', 'key': 'review_id', 'entity_table': true},
        'rating_option_vote': {'entity_type': 'rating_vote', 'key': 'vote_id', 'entity_table': true},
        'magento_reward': {'entity_type': 'reward', 'key': 'reward_id', 'entity_table': true},
        'magento_reward_history': {'entity_type': 'reward_history', 'key': 'history_id', 'entity_table': true},
        'catalog_product_website': {'entity_type': 'product', 'key': 'product_id', 'entity_table': false},
        'catalog_product_super_link': {'entity_type': 'product', 'key': 'parent_id', 'entity_table': false},
        'catalog_product_super_attribute': {'entity_type': 'product', 'key': 'product_id', 'entity_table': false},
        'catalog_product_relation': {'entity_type': 'product', 'key': 'parent_id', 'entity_table': false},
        'catalog_product_entity_media_gallery_value_to_entity': {'entity_type': 'product', 'key': 'entity_id', 'entity_table': false},
        'review_detail': {'entity_type': 'review', 'key': 'review_id', 'entity_table': false},
        'review_store': {'entity_type': 'review', 'key': 'review_id', 'entity_table': false},
        'salesrule_website': {'entity_type': 'salesrule', 'key': 'rule_id', 'entity_table': false},
        'salesrule_customer_group': {'entity_type': 'salesrule', 'key': 'rule_id', 'entity_table': false},
    } -%}
    {%- for table, entity_type in sync_eav_entity_tables().items() -%}
        {%- for backend_type in eav_backend_types() -%}
            {%- do keys.update({table ~ '_' ~ backend_type: {'entity_type': entity_type, 'key': 'entity_id', 'entity_table': false}}) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(keys) }}
{%- endmacro %}


{# The four EAV entity tables and their entity types. #}
{% macro sync_eav_entity_tables() -%}
    {{ return({
        'customer_entity': 'customer',
        'customer_address_entity': 'customer_address',
        'catalog_product_entity': 'product',
        'catalog_category_entity': 'category',
    }) }}
{%- endmacro %}


{# An EAV entity table and its five value tables. #}
{% macro sync_eav_tables(entity_table) -%}
    {%- set tables = [entity_table] -%}
    {%- for backend_type in eav_backend_types() -%}
        {%- do tables.append(entity_table ~ '_' ~ backend_type) -%}
    {%- endfor -%}
    {{ return(tables) }}
{%- endmacro %}


{#
    EAV metadata and store tables: every EAV pivot reads them (attribute ids, backend types,
    scopes, option labels, store views). A change to any of them recomputes every entity.
#}
{% macro sync_metadata_tables() -%}
    {{ return([
        'store_website', 'store_group', 'store', 'eav_entity_type', 'eav_attribute',
        'eav_attribute_set', 'eav_attribute_option', 'eav_attribute_option_value',
        'customer_eav_attribute', 'catalog_eav_attribute',
    ]) }}
{%- endmacro %}
