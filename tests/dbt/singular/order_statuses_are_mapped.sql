-- Warns on the (state, status) pairs seeds/magento_order_statuses.csv lacks: the ones Magento
-- assigns (sales_order_status_state) and the ones migrated orders carry. Such an order gets its
-- state's service status (seeds/magento_order_states.csv); add a row to map it on its own.

{{ config(severity='warn') }}

with

pairs as (

    select
        state,
        status
    from {{ ref('stg_magento__sales_order_status_state') }}

    union

    select
        state,
        status
    from {{ ref('int_orders_checked') }}
    where migration_status = 'migrated'

),

mapped as (

    select * from {{ ref('magento_order_statuses') }}

)

select pairs.*
from pairs
left join mapped
    on
        pairs.state = mapped.state
        and pairs.status = mapped.status
where mapped.status is null
