{{ magento_identity_model('order_payment') }}
