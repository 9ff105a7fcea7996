"""`magento-store simulate`: store activity on a generated store, written the way Magento writes it.

One run applies, in simulated-time order:

1. new customers, each with an address and custom EAV values;
2. new orders by existing customers, some of the new customers and guests: items (a configurable
   line is a parent and a child row), billing and shipping addresses, a payment, gateway
   transactions for online methods, stock decrements and coupon usage. Rows and totals come from
   the generator's own builders in `sales/rows.py` and `sales/payments.py`, so they reconcile
   exactly as generated orders do;
3. credit memos on existing invoiced orders, partial and full (a full refund closes the order);
4. product changes through EAV only, as Magento's mass "Update attributes" writes them
   (`catalog_product_entity` untouched): prices, names, store-view overrides added (some NULL) and
   removed, multiselect values;
5. customer changes: first names (`customer_entity.updated_at` moves by ON UPDATE) and custom EAV
   values (`customer_entity` untouched);
6. deletes with plain SQL: customers (InnoDB cascades and SET NULL do the rest), one product, one
   review.

On a Commerce store (content staging) every catalog and cart-rule write goes to the version current
at the simulated instant (values keyed by its `row_id`), a product delete removes every version and
its `sequence_product` row, and before the product changes one product gets a staged update that
starts a few minutes later, during the run (`staging.py`).

Every change is its own transaction at its own simulated instant. The session `timestamp` is set to
that instant, so `ON UPDATE CURRENT_TIMESTAMP` columns move by themselves while the run stays
deterministic: the same seed on identical databases gives identical tables. The simulated clock
starts at the next full hour after the newest timestamp already in the store, so every timestamp a
run writes is newer than anything a previous sync has read. Ids continue after both the largest id
and the AUTO_INCREMENT counter (a deleted id is never reused). Each run is one row of
`magento_store_simulation_run` (never of the generator's marker table).

What a sync can see:

* `updated_at` polling sees new orders, order items, credit memos, transactions (`created_at`),
  new customers and their addresses, refunded orders and their items, renamed customers;
* new rows without a timestamp (order addresses, payments, credit memo items, EAV values) need a
  key sweep (ids only grow), the binlog or a full-table read;
* only the binlog or a full-table read sees the EAV changes (products and customers), stock
  quantities, payment refund columns and `salesrule(_coupon).times_used`; DELETEs too (or a key
  sweep that compares key sets);
* the binlog does not see what InnoDB's cascades do: child rows of deleted customers, products
  and reviews, and `sales_order.customer_id` / `review_detail.customer_id` set to NULL (cascades
  are not written to the binlog, and SET NULL does not fire ON UPDATE CURRENT_TIMESTAMP). Only a
  full-table read, a key sweep of the child tables or emulating the foreign keys downstream does.

Modules: `run.py` (one run), `store.py` (connection, clock, ids, counts), and one module per
activity: `customers.py`, `catalog.py` (what orders sell), `orders.py`, `refunds.py`, `rewards.py`,
`products.py`, `staging.py`, `deletes.py`.
"""

from __future__ import annotations

from .run import MAX_COUNT, SimulateOptions, SimulationResult, simulate, validate
from .store import COUNT_KEYS, SIMULATION_TABLE

__all__ = [
    "COUNT_KEYS",
    "MAX_COUNT",
    "SIMULATION_TABLE",
    "SimulateOptions",
    "SimulationResult",
    "simulate",
    "validate",
]
