{{ magento_identity_model('order') }}
