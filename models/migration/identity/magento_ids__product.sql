{{ magento_identity_model('product') }}
