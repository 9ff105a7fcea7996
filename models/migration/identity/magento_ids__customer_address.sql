{{ magento_identity_model('customer_address') }}
