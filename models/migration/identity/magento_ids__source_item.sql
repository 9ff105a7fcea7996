{{ magento_identity_model('source_item') }}
