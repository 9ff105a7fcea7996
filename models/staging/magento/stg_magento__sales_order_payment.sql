with

source as (

    {{ magento_source('sales_order_payment') }}

),

renamed as (

    select
        -- ids
        entity_id as payment_id,
        parent_id as order_id,
        quote_payment_id,
        last_trans_id,
        cc_trans_id,
        -- numbers
        base_shipping_captured,
        shipping_captured,
        amount_refunded,
        base_amount_paid,
        amount_canceled,
        base_amount_authorized,
        base_amount_paid_online,
        base_amount_refunded_online,
        base_shipping_amount,
        shipping_amount,
        amount_paid,
        amount_authorized,
        base_amount_ordered,
        base_shipping_refunded,
        shipping_refunded,
        base_amount_refunded,
        amount_ordered,
        base_amount_canceled,
        -- text
        additional_data,
        cc_exp_month,
        cc_ss_start_year,
        echeck_bank_name,
        method,
        cc_debug_request_body,
        cc_secure_verify,
        protection_eligibility,
        cc_approval,
        cc_last_4,
        cc_status_description,
        echeck_type,
        cc_debug_response_serialized,
        cc_ss_start_month,
        echeck_account_type,
        cc_cid_status,
        cc_owner,
        cc_type,
        po_number,
        cc_exp_year,
        cc_status,
        echeck_routing_number,
        account_status,
        anet_trans_method,
        cc_debug_response_body,
        cc_ss_issue,
        echeck_account_name,
        cc_avs_status,
        cc_number_enc,
        address_status,
        additional_information,
        -- loader metadata
        _extracted_at,
        _repairs
    from source

)

select * from renamed
