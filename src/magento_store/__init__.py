"""The Magento 2.4 demo-store generator behind the `magento-store` command."""
