"""The foreign keys the sync applies to the raw layer, per edition (read from Magento's DDL)."""

from __future__ import annotations

from magento_migration.sync.foreign_keys import ForeignKey, magento_foreign_keys
from magento_store import ddl

ROW_KEYED = ("catalog_product_entity_varchar", "catalog_category_entity_int", "salesrule_website")


def _of(keys: tuple[ForeignKey, ...], child: str) -> set[tuple[str, str, str]]:
    return {(k.column, k.parent, k.parent_column) for k in keys if k.child == child}


def test_open_source_values_refer_to_entity_ids() -> None:
    keys = magento_foreign_keys()
    assert ("entity_id", "catalog_product_entity", "entity_id") in _of(
        keys, "catalog_product_entity_varchar"
    )
    assert not any(k.column == "row_id" or k.parent.startswith("sequence_") for k in keys)


def test_commerce_values_and_link_parents_refer_to_row_ids() -> None:
    keys = magento_foreign_keys(staged=True)
    for child in ROW_KEYED:
        parent = "salesrule" if child.startswith("salesrule") else child.rsplit("_", 1)[0]
        assert _of(keys, child) & {("row_id", parent, "row_id")}, child
        assert not any(k.column in ("entity_id", "rule_id") for k in keys if k.child == child)
    assert ("parent_id", "catalog_product_entity", "row_id") in _of(
        keys, "catalog_product_super_link"
    )
    assert ("entity_id", "sequence_product", "sequence_value") in _of(
        keys, "catalog_product_entity"
    )
    # an entity-keyed child goes with the sequence row or with the entity's last version
    website = _of(keys, "catalog_product_website")
    assert ("product_id", "sequence_product", "sequence_value") in website
    assert ("product_id", "catalog_product_entity", "entity_id") in website
    created = set(ddl.table_names("commerce"))
    assert {k.child for k in keys} | {k.parent for k in keys} <= created


def test_inventory_sources_take_their_items_and_links_with_them() -> None:
    keys = {(k.child, k.column, k.parent, k.on_delete) for k in magento_foreign_keys()}
    assert ("inventory_source_item", "source_code", "inventory_source", "CASCADE") in keys
    assert ("inventory_source_stock_link", "source_code", "inventory_source", "CASCADE") in keys
    assert ("inventory_stock_sales_channel", "stock_id", "inventory_stock", "CASCADE") in keys
