-- Every Magento product with the migration's verdict. A product needs a SKU, and SKUs must be
-- unique (Magento enforces that in code, not in the database): the oldest product keeps a
-- duplicated SKU, the others are quarantined.

with

products as (

    select * from {{ ref('int_products_pivoted') }}

),

checks as (

    select
        products.*,
        case
            when products.sku is null or trim(products.sku) = ''
                then 'missing sku'
            when
                row_number() over (
                    partition by lower(trim(products.sku)) order by products.product_id
                ) > 1
                then 'duplicate sku: ' || products.sku
        end as sku_reason
    from products

),

final as (

    select
        *,
        {{ quarantine_reason(['sku_reason']) }} as quarantine_reason,
        {{ migration_status(['sku_reason']) }} as migration_status
    from checks

)

select * from final
