{{ magento_identity_model('stock_item') }}
