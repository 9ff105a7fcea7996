with

source as (

    {{ magento_source('sales_order_item') }}

),

renamed as (

    select
        -- ids
        gift_message_id,
        item_id as order_item_id,
        order_id,
        parent_item_id,
        quote_item_id,
        store_id,
        product_id,
        ext_order_item_id,
        -- flags
        cast(free_shipping as boolean) as free_shipping,
        cast(is_virtual as boolean) as is_virtual,
        cast(is_qty_decimal as boolean) as is_qty_decimal,
        cast(no_discount as boolean) as no_discount,
        cast(locked_do_invoice as boolean) as locked_do_invoice,
        cast(locked_do_ship as boolean) as locked_do_ship,
        -- numbers
        gift_message_available,
        weight,
        qty_backordered,
        qty_canceled,
        qty_invoiced,
        qty_ordered,
        qty_refunded,
        qty_shipped,
        base_cost,
        price,
        base_price,
        original_price,
        base_original_price,
        tax_percent,
        tax_amount,
        base_tax_amount,
        tax_invoiced,
        base_tax_invoiced,
        discount_percent,
        discount_amount,
        base_discount_amount,
        discount_invoiced,
        base_discount_invoiced,
        amount_refunded,
        base_amount_refunded,
        row_total,
        base_row_total,
        row_invoiced,
        base_row_invoiced,
        row_weight,
        base_tax_before_discount,
        tax_before_discount,
        price_incl_tax,
        base_price_incl_tax,
        row_total_incl_tax,
        base_row_total_incl_tax,
        discount_tax_compensation_amount,
        base_discount_tax_compensation_amount,
        discount_tax_compensation_invoiced,
        base_discount_tax_compensation_invoiced,
        discount_tax_compensation_refunded,
        base_discount_tax_compensation_refunded,
        tax_canceled,
        discount_tax_compensation_canceled,
        tax_refunded,
        base_tax_refunded,
        discount_refunded,
        base_discount_refunded,
        weee_tax_applied_amount,
        weee_tax_applied_row_amount,
        weee_tax_disposition,
        weee_tax_row_disposition,
        base_weee_tax_applied_amount,
        base_weee_tax_applied_row_amnt,
        base_weee_tax_disposition,
        base_weee_tax_row_disposition,
        -- timestamps
        created_at,
        updated_at,
        -- text
        product_type,
        product_options,
        sku,
        name,
        description,
        applied_rule_ids,
        additional_data,
        weee_tax_applied,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
