"""EAV metadata: entity types, attributes (Magento's defaults plus our custom ones), options,
attribute sets and groups.

The default attributes are the 136 rows of a fresh 2.4.2 install, shipped as
`data/default_eav_attributes_2.4.2.csv`. `--attribute-id-offset N` shifts every attribute id by
N and every option id by the smallest multiple of N that is at least the number of options, so no
id of an offset run equals an id of a plain run; everything that stores an attribute or option id
(EAV values, multiselect lists, customer_entity.gender, order item options) uses the shifted ids.

- `specs.py`: entity types, scopes and the custom attributes; `model.py`: the model of one store
  (`build_eav`); `rows.py`: its metadata rows (`write_eav`).
"""

from __future__ import annotations

from .model import Attribute, AttributeSet, Eav, build_eav
from .rows import write_eav
from .specs import (
    ADDRESS,
    CATEGORY,
    CUSTOMER,
    DEFAULT_PRODUCT_SET_ID,
    ENTITY_TYPE_CODES,
    PRODUCT,
    SCOPE_GLOBAL,
    SCOPE_STORE,
    SCOPE_WEBSITE,
    SUPER_ATTRIBUTE_CODES,
)

__all__ = [
    "ADDRESS",
    "CATEGORY",
    "CUSTOMER",
    "DEFAULT_PRODUCT_SET_ID",
    "ENTITY_TYPE_CODES",
    "PRODUCT",
    "SCOPE_GLOBAL",
    "SCOPE_STORE",
    "SCOPE_WEBSITE",
    "SUPER_ATTRIBUTE_CODES",
    "Attribute",
    "AttributeSet",
    "Eav",
    "build_eav",
    "write_eav",
]
