with

source as (

    {{ magento_source('sales_creditmemo_item') }}

),

renamed as (

    select
        -- ids
        entity_id as creditmemo_item_id,
        parent_id as creditmemo_id,
        product_id,
        order_item_id,
        -- numbers
        base_price,
        tax_amount,
        base_row_total,
        discount_amount,
        row_total,
        base_discount_amount,
        price_incl_tax,
        base_tax_amount,
        base_price_incl_tax,
        qty,
        base_cost,
        price,
        base_row_total_incl_tax,
        row_total_incl_tax,
        discount_tax_compensation_amount,
        base_discount_tax_compensation_amount,
        weee_tax_applied_amount,
        weee_tax_applied_row_amount,
        weee_tax_disposition,
        weee_tax_row_disposition,
        base_weee_tax_applied_amount,
        base_weee_tax_applied_row_amnt,
        base_weee_tax_disposition,
        base_weee_tax_row_disposition,
        -- text
        additional_data,
        description,
        sku,
        name,
        tax_ratio,
        weee_tax_applied,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
