{{ magento_identity_model('creditmemo_item') }}
