{{ magento_identity_model('payment_transaction') }}
