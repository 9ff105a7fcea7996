{{ magento_identity_model('creditmemo') }}
