{{ magento_identity_model('salesrule') }}
