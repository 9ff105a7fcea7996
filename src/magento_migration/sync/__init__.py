"""Continuous sync until cut-over: binlog (or updated_at) EL, Magento's FK actions, dbt, status."""
