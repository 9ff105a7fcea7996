"""Magento 2 -> microservices data migration: the project's own Python code."""

__version__ = "0.1.0"
