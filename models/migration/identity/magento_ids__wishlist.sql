{{ magento_identity_model('wishlist') }}
