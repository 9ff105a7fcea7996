{{ magento_identity_model('rating_vote') }}
