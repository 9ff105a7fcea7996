"""Meltano extractor: a Magento store's initial load by consistent snapshots and binary COPY."""
