{{ magento_identity_model('salesrule_coupon') }}
