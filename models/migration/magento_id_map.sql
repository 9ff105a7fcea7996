{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false,
        on_schema_change='fail',
    )
}}

-- The identity map: one UUID per Magento entity, issued once and never changed. Append-only:
-- a rerun adds the entities it has not seen, `dbt build --full-refresh` leaves it alone
-- (full_refresh: false), and an entity deleted in Magento keeps its row.

{%- set entities = [
    ('customer', 'stg_magento__customer_entity', 'customer_id'),
    ('customer_address', 'stg_magento__customer_address_entity', 'customer_address_id'),
    ('wishlist', 'stg_magento__wishlist', 'wishlist_id'),
    ('wishlist_item', 'stg_magento__wishlist_item', 'wishlist_item_id'),
    ('newsletter_subscriber', 'stg_magento__newsletter_subscriber', 'subscriber_id'),
    ('product', 'stg_magento__catalog_product_entity', 'product_id'),
    ('category', 'stg_magento__catalog_category_entity', 'category_id'),
    ('stock_item', 'stg_magento__cataloginventory_stock_item', 'stock_item_id'),
    ('source_item', 'stg_magento__inventory_source_item', 'source_item_id'),
    ('order', 'stg_magento__sales_order', 'order_id'),
    ('order_item', 'stg_magento__sales_order_item', 'order_item_id'),
    ('order_address', 'stg_magento__sales_order_address', 'order_address_id'),
    ('order_payment', 'stg_magento__sales_order_payment', 'payment_id'),
    ('payment_transaction', 'stg_magento__sales_payment_transaction', 'transaction_id'),
    ('creditmemo', 'stg_magento__sales_creditmemo', 'creditmemo_id'),
    ('creditmemo_item', 'stg_magento__sales_creditmemo_item', 'creditmemo_item_id'),
    ('salesrule', 'stg_magento__salesrule', 'rule_id'),
    ('salesrule_coupon', 'stg_magento__salesrule_coupon', 'coupon_id'),
    ('review', 'stg_magento__review', 'review_id'),
    ('rating_vote', 'stg_magento__rating_option_vote', 'vote_id'),
    ('reward', 'stg_magento__magento_reward', 'reward_id'),
    ('reward_history', 'stg_magento__magento_reward_history', 'history_id'),
] %}

with

entities as (

    {%- for entity_type, model, id_column in entities %}
    select distinct
        '{{ entity_type }}' as entity_type,
        cast({{ id_column }} as bigint) as magento_id
    from {{ ref(model) }}
    where {{ id_column }} is not null
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

issued as (

    {%- if is_incremental() %}
    select
        entity_type,
        magento_id
    from {{ this }}
    {%- else %}
    select
        cast(null as text) as entity_type,
        cast(null as bigint) as magento_id
    where false
    {%- endif %}

),

new_entities as (

    select entities.*
    from entities
    left join issued
        on
            entities.entity_type = issued.entity_type
            and entities.magento_id = issued.magento_id
    where issued.magento_id is null

),

final as (

    select
        entity_type,
        magento_id,
        {{ magento_uuid('entity_type', 'magento_id') }} as new_uuid,
        now() as created_at
    from new_entities

)

select * from final
