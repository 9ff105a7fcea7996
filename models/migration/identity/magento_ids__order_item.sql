{{ magento_identity_model('order_item') }}
