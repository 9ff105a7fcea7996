{{ magento_identity_model('wishlist_item') }}
