{{ magento_identity_model('review') }}
