{{ magento_identity_model('customer') }}
