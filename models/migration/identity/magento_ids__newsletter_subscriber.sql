{{ magento_identity_model('newsletter_subscriber') }}
