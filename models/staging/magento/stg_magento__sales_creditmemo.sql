with

source as (

    {{ magento_source('sales_creditmemo') }}

),

renamed as (

    select
        -- ids
        entity_id as creditmemo_id,
        store_id,
        order_id,
        shipping_address_id,
        billing_address_id,
        invoice_id,
        transaction_id,
        increment_id,
        -- flags
        cast(email_sent as boolean) as email_sent,
        cast(send_email as boolean) as send_email,
        cast(customer_note_notify as boolean) as customer_note_notify,
        -- numbers
        adjustment_positive,
        base_shipping_tax_amount,
        store_to_order_rate,
        base_discount_amount,
        base_to_order_rate,
        grand_total,
        base_adjustment_negative,
        base_subtotal_incl_tax,
        shipping_amount,
        subtotal_incl_tax,
        adjustment_negative,
        base_shipping_amount,
        store_to_base_rate,
        base_to_global_rate,
        base_adjustment,
        base_subtotal,
        discount_amount,
        subtotal,
        adjustment,
        base_grand_total,
        base_adjustment_positive,
        base_tax_amount,
        shipping_tax_amount,
        tax_amount,
        creditmemo_status,
        state,
        discount_tax_compensation_amount,
        base_discount_tax_compensation_amount,
        shipping_discount_tax_compensation_amount,
        base_shipping_discount_tax_compensation_amnt,
        shipping_incl_tax,
        base_shipping_incl_tax,
        -- timestamps
        created_at,
        updated_at,
        -- text
        store_currency_code,
        order_currency_code,
        base_currency_code,
        global_currency_code,
        discount_description,
        customer_note,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
