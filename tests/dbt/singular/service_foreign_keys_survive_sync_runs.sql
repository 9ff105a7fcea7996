-- The foreign keys inside the services are all in place, and none can block a sync run.
-- (1) Every foreign key a service model declares exists in the database: a rebuilt (table)
--     parent drops, with CASCADE, the keys that point at it, so a parent of an incremental model
--     must be incremental too, or the child would silently lose its key.
-- (2) Every foreign key whose parent can lose rows in an incremental run (an incremental model,
--     or a table a cascading delete reaches) is ON DELETE CASCADE or SET NULL.
-- Returns the offending keys.

-- depends_on: {{ ref('customers') }}
-- depends_on: {{ ref('customer_addresses') }}
-- depends_on: {{ ref('wishlists') }}
-- depends_on: {{ ref('wishlist_items') }}
-- depends_on: {{ ref('newsletter_subscribers') }}
-- depends_on: {{ ref('products') }}
-- depends_on: {{ ref('categories') }}
-- depends_on: {{ ref('product_localizations') }}
-- depends_on: {{ ref('category_localizations') }}
-- depends_on: {{ ref('product_categories') }}
-- depends_on: {{ ref('product_relations') }}
-- depends_on: {{ ref('product_websites') }}
-- depends_on: {{ ref('product_media') }}
-- depends_on: {{ ref('url_rewrites') }}
-- depends_on: {{ ref('stock_items') }}
-- depends_on: {{ ref('orders') }}
-- depends_on: {{ ref('order_items') }}
-- depends_on: {{ ref('order_addresses') }}
-- depends_on: {{ ref('payment_records') }}
-- depends_on: {{ ref('payment_transactions') }}
-- depends_on: {{ ref('refunds') }}
-- depends_on: {{ ref('refund_items') }}
-- depends_on: {{ ref('promotion_rules') }}
-- depends_on: {{ ref('coupons') }}
-- depends_on: {{ ref('reviews') }}
-- depends_on: {{ ref('rating_votes') }}
-- depends_on: {{ ref('loyalty_point_balances') }}
-- depends_on: {{ ref('loyalty_point_history') }}

{%- set declared = [] %}
{%- set incremental = [] %}
{%- set service_models = [] %}
{%- for node in graph.nodes.values() if node.resource_type == 'model' %}
{%- if node.schema.endswith('_service') %}
{%- do service_models.append(node) %}
{%- endif %}
{%- endfor %}
{%- for node in service_models %}
{%- set table_name = node.schema ~ '.' ~ node.alias %}
{%- if node.config.materialized == 'incremental' %}
{%- do incremental.append(table_name) %}
{%- endif %}
{%- for column in node.columns.values() %}
{%- for constraint in column.constraints if constraint.type == 'foreign_key' %}
{%- do declared.append((table_name, column.name)) %}
{%- endfor %}
{%- endfor %}
{%- for constraint in node.constraints if constraint.type == 'foreign_key' %}
{%- for column in constraint.columns %}
{%- do declared.append((table_name, column)) %}
{%- endfor %}
{%- endfor %}
{%- endfor %}

with recursive

declared_keys as (

    {%- for table_name, column_name in declared %}
    select
        '{{ table_name }}' as table_name,
        '{{ column_name }}' as column_name
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

incremental_tables as (

    {%- for table_name in incremental %}
    select '{{ table_name }}' as table_name
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

),

foreign_keys as (

    select
        pg_constraint.conname as constraint_name,
        pg_constraint.conrelid::regclass::text as table_name,
        pg_attribute.attname::text as column_name,
        pg_constraint.confrelid::regclass::text as parent_table,
        pg_constraint.confdeltype as on_delete
    from pg_constraint
    inner join pg_attribute
        on
            pg_constraint.conrelid = pg_attribute.attrelid
            and pg_attribute.attnum = pg_constraint.conkey[1]
    where
        pg_constraint.contype = 'f'
        and pg_constraint.connamespace::regnamespace::text like '%\_service'

),

losing_rows (table_name) as (

    -- tables an incremental run deletes from: incremental models, and what their deletes
    -- cascade to
    select table_name from incremental_tables
    union
    select foreign_keys.table_name
    from foreign_keys
    inner join losing_rows
        on foreign_keys.parent_table = losing_rows.table_name
    where foreign_keys.on_delete = 'c'

),

missing_keys as (

    select
        declared_keys.table_name,
        declared_keys.column_name,
        'declared foreign key missing in the database' as problem
    from declared_keys
    left join foreign_keys
        on
            declared_keys.table_name = foreign_keys.table_name
            and declared_keys.column_name = foreign_keys.column_name
    where foreign_keys.constraint_name is null

),

blocking_keys as (

    select
        foreign_keys.table_name,
        foreign_keys.column_name,
        'parent ' || foreign_keys.parent_table || ' loses rows in sync runs, but the key is '
        || 'neither ON DELETE CASCADE nor SET NULL' as problem
    from foreign_keys
    inner join losing_rows
        on foreign_keys.parent_table = losing_rows.table_name
    where foreign_keys.on_delete not in ('c', 'n')

),

final as (

    select * from missing_keys
    union all
    select * from blocking_keys

)

select * from final
