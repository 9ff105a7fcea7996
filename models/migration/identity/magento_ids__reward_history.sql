{{ magento_identity_model('reward_history') }}
