"""Orders with their items, addresses, payments, gateway transactions and credit memos.

- `orders.py`: the model (Order, Line, Creditmemo) and its plan: lines, prices, cart rules, refunds;
- `rows.py`, `payments.py`: the row builders (shared with `simulate`);
- `write.py`: the generator's section, every sales table loaded parents first.
"""

from __future__ import annotations

from .orders import END_EPOCH, INVOICED_STATES, ONLINE_METHODS, Creditmemo, Line, Order, plan_orders
from .write import write_orders

__all__ = [
    "END_EPOCH",
    "INVOICED_STATES",
    "ONLINE_METHODS",
    "Creditmemo",
    "Line",
    "Order",
    "plan_orders",
    "write_orders",
]
