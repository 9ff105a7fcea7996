"""The EAV model of one store: attributes (the 136 defaults of a 2.4.2 install plus the custom
ones), options and attribute sets, with the ids `--attribute-id-offset` shifts.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from ..profiles import CONFIGURABLE_OPTIONS_PER_ATTRIBUTE, MAX_TOOLKIT_ATTRIBUTES, Profile
from .specs import (
    COLOR_OPTIONS,
    CUSTOM_ADDRESS_ATTRIBUTES,
    CUSTOM_CUSTOMER_ATTRIBUTES,
    CUSTOM_PRODUCT_ATTRIBUTES,
    CUSTOMER,
    DEFAULT_ATTRIBUTE_SETS,
    MANUFACTURER_OPTIONS,
    MAX_ATTRIBUTE_ID,
    MAX_GENDER_OPTION_ID,
    PRODUCT,
    SCOPE_GLOBAL,
    SCOPE_STORE,
    SCOPE_WEBSITE,
    SUPER_ATTRIBUTE_CODES,
    TABLE_SOURCE,
    AttributeSpec,
    OptionSpec,
)

_SCOPES = {"store": SCOPE_STORE, "global": SCOPE_GLOBAL, "website": SCOPE_WEBSITE}


@dataclass
class Attribute:
    """One eav_attribute row (and its catalog/customer extension), with its option ids."""

    attribute_id: int
    entity_type_id: int
    code: str
    backend_type: str
    frontend_input: str | None
    label: str | None
    scope: int | None
    is_required: int
    is_user_defined: int
    source_model: str | None
    backend_model: str | None
    options: OptionSpec | None = None
    option_ids: list[int] = field(default_factory=list)
    generated: bool = False  # added by the generator (not one of Magento's 136 defaults)

    def option_label(self, option_id: int) -> str:
        """Admin label of one of this attribute's options."""
        assert self.options is not None
        return self.options.labels[self.option_ids.index(option_id)]


@dataclass(frozen=True)
class AttributeSet:
    """A product attribute set and the toolkit attributes only it carries."""

    attribute_set_id: int
    name: str
    toolkit_attribute_ids: tuple[int, ...]


@dataclass
class Eav:
    """Every attribute, option and set of the generated store."""

    attribute_id_offset: int
    option_id_offset: int
    attributes: list[Attribute]
    product_sets: list[AttributeSet]
    _by_code: dict[tuple[int, str], Attribute] = field(default_factory=dict)
    _by_id: dict[int, Attribute] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_code = {(a.entity_type_id, a.code): a for a in self.attributes}
        self._by_id = {a.attribute_id: a for a in self.attributes}

    def attr(self, entity_type_id: int, code: str) -> Attribute:
        """The attribute `code` of an entity type."""
        return self._by_code[(entity_type_id, code)]

    def id(self, entity_type_id: int, code: str) -> int:
        """The (shifted) attribute_id of `code`."""
        return self._by_code[(entity_type_id, code)].attribute_id

    def by_id(self, attribute_id: int) -> Attribute:
        """The attribute with this (shifted) id."""
        return self._by_id[attribute_id]

    def product(self, code: str) -> Attribute:
        """A catalog_product attribute."""
        return self._by_code[(PRODUCT, code)]

    def of_type(self, entity_type_id: int) -> Iterator[Attribute]:
        """Attributes of one entity type, in id order."""
        return (a for a in self.attributes if a.entity_type_id == entity_type_id)


def read_data_csv(name: str) -> list[dict[str, str]]:
    path = resources.files("magento_store") / "data" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def null_if_empty(value: str) -> str | None:
    return value or None


def toolkit_shape(profile: Profile) -> tuple[int, int, int]:
    """(attribute sets, attributes per set, options per attribute), capped at
    MAX_TOOLKIT_ATTRIBUTES attributes in total."""
    per_set = profile.attributes_per_set
    if profile.product_attribute_sets * per_set > MAX_TOOLKIT_ATTRIBUTES:
        per_set = max(1, MAX_TOOLKIT_ATTRIBUTES // profile.product_attribute_sets)
    return profile.product_attribute_sets, per_set, profile.options_per_attribute


def build_eav(profile: Profile, attribute_id_offset: int) -> Eav:
    """All attributes with shifted ids, options with shifted ids, and the product sets."""
    labels = {
        r["attribute_id"]: null_if_empty(r["frontend_label"])
        for r in read_data_csv("default_eav_attribute_labels_2.4.2.csv")
    }
    attributes: list[Attribute] = []
    for row in read_data_csv("default_eav_attributes_2.4.2.csv"):
        scope = _SCOPES[row["catalog_scope"]] if row["catalog_scope"] else None
        attributes.append(
            Attribute(
                attribute_id=int(row["attribute_id"]) + attribute_id_offset,
                entity_type_id=int(row["entity_type_id"]),
                code=row["attribute_code"],
                backend_type=row["backend_type"],
                frontend_input=null_if_empty(row["frontend_input"]),
                label=labels.get(row["attribute_id"]),
                scope=scope,
                is_required=int(row["is_required"]),
                is_user_defined=int(row["is_user_defined"]),
                source_model=null_if_empty(row["source_model"]),
                backend_model=null_if_empty(row["backend_model"]),
            )
        )
    by_code = {(a.entity_type_id, a.code): a for a in attributes}
    by_code[(CUSTOMER, "gender")].options = OptionSpec(("Male", "Female", "Not Specified"))
    by_code[(PRODUCT, "color")].options = COLOR_OPTIONS
    by_code[(PRODUCT, "manufacturer")].options = MANUFACTURER_OPTIONS

    next_id = max(a.attribute_id for a in attributes) + 1

    def add(spec: AttributeSpec) -> Attribute:
        nonlocal next_id
        attribute = Attribute(
            attribute_id=next_id,
            entity_type_id=spec.entity_type_id,
            code=spec.code,
            backend_type=spec.backend_type,
            frontend_input=spec.frontend_input,
            label=spec.label,
            scope=spec.scope,
            is_required=0,
            is_user_defined=1,
            source_model=spec.source_model,
            backend_model=spec.backend_model,
            options=spec.options,
            generated=True,
        )
        next_id += 1
        attributes.append(attribute)
        return attribute

    for spec in CUSTOM_PRODUCT_ATTRIBUTES:
        add(spec)
    sets, per_set, options = toolkit_shape(profile)
    product_sets: list[AttributeSet] = []
    for s in range(1, sets + 1):
        ids = []
        for a in range(1, per_set + 1):
            toolkit = AttributeSpec(
                PRODUCT,
                f"attribute_{s}_{a}",
                "int",
                "select",
                f"Attribute {s}-{a}",
                SCOPE_GLOBAL,
                OptionSpec(tuple(f"Option {k}" for k in range(1, options + 1))),
                TABLE_SOURCE,
            )
            ids.append(add(toolkit).attribute_id)
        product_sets.append(
            AttributeSet(len(DEFAULT_ATTRIBUTE_SETS) + s, f"Attribute Set {s}", tuple(ids))
        )
    for spec in CUSTOM_CUSTOMER_ATTRIBUTES + CUSTOM_ADDRESS_ATTRIBUTES:
        add(spec)
    if next_id - 1 > MAX_ATTRIBUTE_ID:
        raise ValueError(
            f"--attribute-id-offset {attribute_id_offset} is too large: attribute ids would reach "
            f"{next_id - 1} (max {MAX_ATTRIBUTE_ID})"
        )

    # Options: gender first (ids 1-3 as installed), then by attribute id.
    with_options = sorted(
        (a for a in attributes if a.options is not None),
        key=lambda a: (a.code != "gender", a.attribute_id),
    )
    total_options = sum(len(a.options.labels) for a in with_options if a.options)
    # The smallest multiple of N that is >= the number of options: no option id of an offset run
    # equals one of the plain run. Gender option ids are stored in customer_entity.gender, a
    # smallint unsigned, so they (the first options) must stay <= 65535.
    option_id_offset = (
        -(-total_options // attribute_id_offset) * attribute_id_offset if attribute_id_offset else 0
    )
    if option_id_offset + 3 > MAX_GENDER_OPTION_ID:
        raise ValueError(
            f"--attribute-id-offset {attribute_id_offset} is too large: gender option ids "
            f"would exceed {MAX_GENDER_OPTION_ID} (customer_entity.gender is a smallint unsigned)"
        )
    next_option = 1
    for attribute in with_options:
        assert attribute.options is not None
        for _ in attribute.options.labels:
            attribute.option_ids.append(next_option + option_id_offset)
            next_option += 1
    eav = Eav(attribute_id_offset, option_id_offset, attributes, product_sets)
    for code in SUPER_ATTRIBUTE_CODES:
        assert len(eav.product(code).option_ids) == CONFIGURABLE_OPTIONS_PER_ATTRIBUTE
    return eav
