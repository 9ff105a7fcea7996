{{ magento_identity_model('reward') }}
