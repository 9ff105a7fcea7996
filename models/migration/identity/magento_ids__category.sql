{{ magento_identity_model('category') }}
