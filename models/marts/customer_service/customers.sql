-- A service table kept in place by the sync: only rows that differ are written (macro
-- sync_service_table).

{{ sync_service_table() }}

with

customers as (

    select * from {{ ref('int_customers_checked') }}
    where migration_status = 'migrated'

),

customer_groups as (

    select * from {{ ref('stg_magento__customer_group') }}

),

customer_group_tiers as (

    select * from {{ ref('magento_customer_group_tiers') }}

),

ids as (

    select * from {{ ref('magento_ids__customer') }}

),

final as (

    select
        ids.new_uuid as id,
        customers.customer_id as magento_id,
        {{ mask_email('customers.clean_email') }} as email,
        {{ mask_text('customers.first_name') }} as first_name,
        {{ mask_text('customers.last_name') }} as last_name,
        {{ mask_text('customers.middle_name') }} as middle_name,
        {{ mask_text('customers.prefix') }} as prefix,  -- noqa: RF04
        {{ mask_text('customers.suffix') }} as suffix,
        {{ mask_date('customers.dob') }} as dob,
        {{ mask_text('customers.taxvat') }} as taxvat,
        {{ gender_code('customers.gender_label') }} as gender,
        customers.gender_label,
        customers.gender as magento_gender,
        customers.website_id,
        customers.store_id,
        customers.customer_group_id,
        customer_groups.customer_group_code,
        coalesce(
            customer_group_tiers.tier, 'unknown_' || customer_groups.customer_group_code
        ) as tier,
        coalesce(customers.is_active, true) as is_active,
        coalesce(customers.disable_auto_group_change, false) as disable_auto_group_change,
        {{ mask_text('customers.password_hash') }} as password_hash,
        {{ mask_json('customers.custom_attributes') }} as custom_attributes,
        customers.created_at,
        customers.updated_at,
        'magento' as source,
        {{ sync_run_timestamp() }} as _synced_at
    from customers
    inner join ids
        on customers.customer_id = ids.magento_id
    left join customer_groups
        on customers.customer_group_id = customer_groups.customer_group_id
    left join customer_group_tiers
        on customer_groups.customer_group_code = customer_group_tiers.customer_group_code

)

select * from final
