"""Multi-source inventory (MSI, every 2.3+ store): sources, per-source quantities by sku, stocks
with their sources and sales channels, and the reservations orders leave behind.

Written with SQL from the rows already loaded (products, legacy stock items, orders), so it adds
no randomness to the other sections: the `default` source mirrors `cataloginventory_stock_item`
(Magento keeps them in sync on single-source stores); the other sources hold a deterministic
share of the skus (a hash of seed, source and sku). A disabled source holds stock that no stock
counts (Magento's indexer reads enabled sources only), a few source items have skus no product
has any more, and every order line of a simple product reserved its quantity (`order_placed`,
negative) on its website's stock; shipped, closed and canceled orders compensated it (positive).
"""

from __future__ import annotations

import pymysql

# (code, name, enabled, country, region, city, street, postcode, latitude, longitude)
SOURCES = (
    ("default", "Default Source", 1, "US", None, None, None, "00000", 0, 0),
    (
        "us_east",
        "US East Warehouse",
        1,
        "US",
        "New Jersey",
        "Newark",
        "1 Port St",
        "07102",
        40.7357,
        -74.1724,
    ),
    (
        "eu_central",
        "EU Central Warehouse",
        1,
        "DE",
        "Hessen",
        "Frankfurt am Main",
        "Hafenstr. 5",
        "60311",
        50.1109,
        8.6821,
    ),
    (
        "retired_depot",
        "Retired Depot",
        0,
        "US",
        "Nevada",
        "Reno",
        "9 Old Rd",
        "89501",
        39.5296,
        -119.8138,
    ),
)
# (source, share of the skus in percent, largest quantity)
_SHARES = (("us_east", 50, 200), ("eu_central", 60, 150), ("retired_depot", 10, 20))
# (stock id, name, [(source, priority)])
STOCKS = (
    (1, "Default Stock", (("default", 1), ("us_east", 2), ("retired_depot", 3))),
    (2, "Europe Stock", (("eu_central", 1), ("default", 2))),
)
ORPHAN_SKUS = ("RETIRED-0001", "RETIRED-0002", "RETIRED-0003")
# states whose reservations were compensated (shipped, refunded or canceled)
_COMPENSATED = {
    "complete": "shipment_created",
    "closed": "shipment_created",
    "canceled": "order_canceled",
}

TABLES = (
    "inventory_source",
    "inventory_stock",
    "inventory_source_stock_link",
    "inventory_stock_sales_channel",
    "inventory_source_item",
    "inventory_reservation",
)


def write_inventory(conn: pymysql.Connection, seed: int, product_table: str) -> dict[str, int]:
    """Fill the MSI tables; `product_table` holds one row per product (entity_id, sku, type_id).
    Returns rows per table."""
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO inventory_source (source_code, name, enabled, country_id, region, city, "
            "street, postcode, latitude, longitude, description) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [(*source, source[1]) for source in SOURCES],
        )
        cur.executemany(
            "INSERT INTO inventory_stock (stock_id, name) VALUES (%s, %s)",
            [(stock_id, name) for stock_id, name, _ in STOCKS],
        )
        cur.executemany(
            "INSERT INTO inventory_source_stock_link (stock_id, source_code, priority) "
            "VALUES (%s, %s, %s)",
            [(stock_id, code, prio) for stock_id, _, links in STOCKS for code, prio in links],
        )
        # the first website sells from the default stock, every other one from the second
        cur.execute(
            "INSERT INTO inventory_stock_sales_channel (type, code, stock_id) "
            "SELECT 'website', code, IF(website_id = 1, 1, 2) FROM store_website "
            "WHERE website_id > 0 ORDER BY website_id"
        )
        _source_items(cur, seed, product_table)
        _reservations(cur)
        counts = {}
        for table in TABLES:
            cur.execute(f"SELECT COUNT(*) FROM `{table}`")
            counts[table] = int(cur.fetchone()[0])
    return counts


def _source_items(cur: pymysql.cursors.Cursor, seed: int, product_table: str) -> None:
    stockable = "p.type_id IN ('simple', 'virtual')"
    cur.execute(
        "INSERT INTO inventory_source_item (source_code, sku, quantity, status) "
        "SELECT 'default', p.sku, GREATEST(COALESCE(s.qty, 0), 0), s.is_in_stock "
        f"FROM `{product_table}` p JOIN cataloginventory_stock_item s "
        f"ON s.product_id = p.entity_id AND s.stock_id = 1 WHERE {stockable} ORDER BY p.entity_id"
    )
    for code, share, largest in _SHARES:
        digest = f"CRC32(CONCAT({int(seed)}, ':', '{code}', ':', p.sku))"
        cur.execute(
            "INSERT INTO inventory_source_item (source_code, sku, quantity, status) "
            f"SELECT '{code}', p.sku, ({digest} DIV 100) MOD {largest + 1}, "
            f"IF(({digest} DIV 7) MOD 10 = 0, 0, 1) "
            f"FROM `{product_table}` p WHERE {stockable} AND {digest} MOD 100 < {share} "
            "ORDER BY p.entity_id"
        )
    cur.executemany(
        "INSERT INTO inventory_source_item (source_code, sku, quantity, status) "
        "VALUES ('us_east', %s, %s, 1)",
        [(sku, 5 * (n + 1)) for n, sku in enumerate(ORPHAN_SKUS)],
    )


def _reservations(cur: pymysql.cursors.Cursor) -> None:
    lines = (
        "FROM sales_order o JOIN sales_order_item i ON i.order_id = o.entity_id "
        "JOIN store s ON s.store_id = o.store_id "
        "JOIN store_website w ON w.website_id = s.website_id "
        "JOIN inventory_stock_sales_channel c ON c.type = 'website' AND c.code = w.code "
        "WHERE i.product_type = 'simple'"
    )

    def metadata(event: str) -> str:
        return (
            f'CONCAT(\'{{"event_type":"{event}","object_type":"order","object_id":"\', '
            'o.entity_id, \'","object_increment_id":"\', o.increment_id, \'"}\')'
        )

    cur.execute(
        "INSERT INTO inventory_reservation (stock_id, sku, quantity, metadata) "
        f"SELECT c.stock_id, i.sku, -i.qty_ordered, {metadata('order_placed')} {lines} "
        "ORDER BY o.entity_id, i.item_id"
    )
    for state, event in _COMPENSATED.items():
        cur.execute(
            "INSERT INTO inventory_reservation (stock_id, sku, quantity, metadata) "
            f"SELECT c.stock_id, i.sku, i.qty_ordered, {metadata(event)} {lines} "
            "AND o.state = %s ORDER BY o.entity_id, i.item_id",
            (state,),
        )
