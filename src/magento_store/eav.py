"""EAV metadata: entity types, attributes (Magento's defaults plus our custom ones), options,
attribute sets and groups.

The default attributes are the 136 rows of a fresh 2.4.2 install, shipped as
`data/default_eav_attributes_2.4.2.csv`. `--attribute-id-offset N` shifts every attribute id by
N and every option id by the smallest multiple of N that is at least the number of options, so no
id of an offset run equals an id of a plain run; everything that stores an attribute or option id
(EAV values, multiselect lists, customer_entity.gender, order item options) uses the shifted ids.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from .loader import Loader
from .profiles import (
    CONFIGURABLE_OPTIONS_PER_ATTRIBUTE,
    MAX_TOOLKIT_ATTRIBUTES,
    Profile,
)
from .stores import StoreLayout

CUSTOMER, ADDRESS, CATEGORY, PRODUCT = 1, 2, 3, 4
ENTITY_TYPE_CODES = {
    CUSTOMER: "customer",
    ADDRESS: "customer_address",
    CATEGORY: "catalog_category",
    PRODUCT: "catalog_product",
}
# catalog_eav_attribute.is_global
SCOPE_STORE, SCOPE_GLOBAL, SCOPE_WEBSITE = 0, 1, 2
_SCOPES = {"store": SCOPE_STORE, "global": SCOPE_GLOBAL, "website": SCOPE_WEBSITE}
MAX_ATTRIBUTE_ID = 65_535  # smallint unsigned
MAX_GENDER_OPTION_ID = 65_535  # customer_entity.gender is smallint unsigned

_NS = "Magento\\"
TABLE_SOURCE = _NS + "Eav\\Model\\Entity\\Attribute\\Source\\Table"
BOOLEAN_SOURCE = _NS + "Eav\\Model\\Entity\\Attribute\\Source\\Boolean"
ARRAY_BACKEND = _NS + "Eav\\Model\\Entity\\Attribute\\Backend\\ArrayBackend"
PRICE_BACKEND = _NS + "Catalog\\Model\\Product\\Attribute\\Backend\\Price"
DATETIME_BACKEND = _NS + "Eav\\Model\\Entity\\Attribute\\Backend\\Datetime"

# The 8 entity types of a 2.4.2 install (sales types 5-8 are flat tables, not EAV).
ENTITY_TYPES = (
    (
        1,
        "customer",
        _NS + "Customer\\Model\\ResourceModel\\Customer",
        _NS + "Customer\\Model\\Attribute",
        "customer_entity",
        None,
        None,
        1,
        "default",
        1,
        _NS + "Eav\\Model\\Entity\\Increment\\NumericValue",
        0,
        8,
        "0",
        "customer_eav_attribute",
        _NS + "Customer\\Model\\ResourceModel\\Attribute\\Collection",
    ),
    (
        2,
        "customer_address",
        _NS + "Customer\\Model\\ResourceModel\\Address",
        _NS + "Customer\\Model\\Attribute",
        "customer_address_entity",
        None,
        None,
        1,
        "default",
        2,
        None,
        0,
        8,
        "0",
        "customer_eav_attribute",
        _NS + "Customer\\Model\\ResourceModel\\Address\\Attribute\\Collection",
    ),
    (
        3,
        "catalog_category",
        _NS + "Catalog\\Model\\ResourceModel\\Category",
        _NS + "Catalog\\Model\\ResourceModel\\Eav\\Attribute",
        "catalog_category_entity",
        None,
        None,
        1,
        "default",
        3,
        None,
        0,
        8,
        "0",
        "catalog_eav_attribute",
        _NS + "Catalog\\Model\\ResourceModel\\Category\\Attribute\\Collection",
    ),
    (
        4,
        "catalog_product",
        _NS + "Catalog\\Model\\ResourceModel\\Product",
        _NS + "Catalog\\Model\\ResourceModel\\Eav\\Attribute",
        "catalog_product_entity",
        None,
        None,
        1,
        "default",
        4,
        None,
        0,
        8,
        "0",
        "catalog_eav_attribute",
        _NS + "Catalog\\Model\\ResourceModel\\Product\\Attribute\\Collection",
    ),
    (
        5,
        "order",
        _NS + "Sales\\Model\\ResourceModel\\Order",
        None,
        "sales_order",
        None,
        None,
        1,
        "default",
        5,
        _NS + "Eav\\Model\\Entity\\Increment\\NumericValue",
        1,
        8,
        "0",
        None,
        None,
    ),
    (
        6,
        "invoice",
        _NS + "Sales\\Model\\ResourceModel\\Order\\Invoice",
        None,
        "sales_invoice",
        None,
        None,
        1,
        "default",
        6,
        _NS + "Eav\\Model\\Entity\\Increment\\NumericValue",
        1,
        8,
        "0",
        None,
        None,
    ),
    (
        7,
        "creditmemo",
        _NS + "Sales\\Model\\ResourceModel\\Order\\Creditmemo",
        None,
        "sales_creditmemo",
        None,
        None,
        1,
        "default",
        7,
        _NS + "Eav\\Model\\Entity\\Increment\\NumericValue",
        1,
        8,
        "0",
        None,
        None,
    ),
    (
        8,
        "shipment",
        _NS + "Sales\\Model\\ResourceModel\\Order\\Shipment",
        None,
        "sales_shipment",
        None,
        None,
        1,
        "default",
        8,
        _NS + "Eav\\Model\\Entity\\Increment\\NumericValue",
        1,
        8,
        "0",
        None,
        None,
    ),
)
# (attribute_set_id, entity_type_id, name, sort_order) of a 2.4.2 install
DEFAULT_ATTRIBUTE_SETS = tuple((i, i, "Default", 2 if i <= 2 else 1) for i in range(1, 9))
DEFAULT_PRODUCT_SET_ID = 4
PRODUCT_DETAILS_GROUP_ID = 7
CUSTOMER_GROUP_ID = 1
ADDRESS_GROUP_ID = 2


@dataclass(frozen=True)
class OptionSpec:
    """Admin labels of an attribute's options and their per-language store labels."""

    labels: tuple[str, ...]
    translations: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class AttributeSpec:
    """A user-defined attribute the generator adds."""

    entity_type_id: int
    code: str
    backend_type: str
    frontend_input: str
    label: str
    scope: int | None = None
    options: OptionSpec | None = None
    source_model: str | None = None
    backend_model: str | None = None


COLOR_OPTIONS = OptionSpec(
    ("Black", "White", "Red", "Blue", "Green", "Yellow", "Gray", "Purple"),
    {
        "fr": ("Noir", "Blanc", "Rouge", "Bleu", "Vert", "Jaune", "Gris", "Violet"),
        "de": ("Schwarz", "Weiß", "Rot", "Blau", "Grün", "Gelb", "Grau", "Lila"),
    },
)
MANUFACTURER_OPTIONS = OptionSpec(
    (
        "Acme",
        "Northwind",
        "Contoso",
        "Fabrikam",
        "Globex",
        "Initech",
        "Umbrella",
        "Hooli",
        "Stark Industries",
        "Wayne Enterprises",
        "Müller & Söhne",
        "Société Générale du Textile",
    ),
)

CUSTOM_PRODUCT_ATTRIBUTES = (
    AttributeSpec(
        PRODUCT,
        "size",
        "int",
        "select",
        "Size",
        SCOPE_GLOBAL,
        OptionSpec(("XXS", "XS", "S", "M", "L", "XL", "XXL", "3XL")),
        TABLE_SOURCE,
    ),
    AttributeSpec(
        PRODUCT,
        "inseam",
        "int",
        "select",
        "Inseam",
        SCOPE_GLOBAL,
        OptionSpec(
            tuple(f'{n}"' for n in range(28, 36)),
            {
                "fr": tuple(f"{round(n * 2.54)} cm" for n in range(28, 36)),
                "de": tuple(f"{round(n * 2.54)} cm" for n in range(28, 36)),
            },
        ),
        TABLE_SOURCE,
    ),
    AttributeSpec(
        PRODUCT,
        "season",
        "int",
        "select",
        "Season",
        SCOPE_GLOBAL,
        OptionSpec(
            ("Spring", "Summer", "Autumn", "Winter", "All seasons"),
            {
                "fr": ("Printemps", "Été", "Automne", "Hiver", "Toutes saisons"),
                "de": ("Frühling", "Sommer", "Herbst", "Winter", "Ganzjährig"),
            },
        ),
        TABLE_SOURCE,
    ),
    AttributeSpec(
        PRODUCT,
        "material",
        "text",
        "multiselect",
        "Material",
        SCOPE_GLOBAL,
        OptionSpec(
            (
                "Cotton",
                "Wool",
                "Polyester",
                "Linen",
                "Leather",
                "Silk",
                "Nylon",
                "Bamboo",
                "Recycled plastic",
                "Hemp",
            ),
            {
                "fr": (
                    "Coton",
                    "Laine",
                    "Polyester",
                    "Lin",
                    "Cuir",
                    "Soie",
                    "Nylon",
                    "Bambou",
                    "Plastique recyclé",
                    "Chanvre",
                ),
                "de": (
                    "Baumwolle",
                    "Wolle",
                    "Polyester",
                    "Leinen",
                    "Leder",
                    "Seide",
                    "Nylon",
                    "Bambus",
                    "Recyclingkunststoff",
                    "Hanf",
                ),
            },
        ),
        None,
        ARRAY_BACKEND,
    ),
    AttributeSpec(
        PRODUCT,
        "activity",
        "text",
        "multiselect",
        "Activity",
        SCOPE_GLOBAL,
        OptionSpec(
            ("Running", "Yoga", "Hiking", "Cycling", "Swimming", "Gym", "Travel", "Everyday"),
            {
                "fr": (
                    "Course",
                    "Yoga",
                    "Randonnée",
                    "Cyclisme",
                    "Natation",
                    "Salle de sport",
                    "Voyage",
                    "Quotidien",
                )
            },
        ),
        None,
        ARRAY_BACKEND,
    ),
    AttributeSpec(
        PRODUCT, "marketing_tagline", "varchar", "text", "Marketing Tagline", SCOPE_STORE
    ),
    AttributeSpec(
        PRODUCT,
        "handling_fee",
        "decimal",
        "price",
        "Handling Fee",
        SCOPE_WEBSITE,
        backend_model=PRICE_BACKEND,
    ),
)
CUSTOM_CUSTOMER_ATTRIBUTES = (
    AttributeSpec(
        CUSTOMER,
        "loyalty_tier",
        "int",
        "select",
        "Loyalty Tier",
        None,
        OptionSpec(
            ("Bronze", "Silver", "Gold", "Platinum"),
            {
                "fr": ("Bronze", "Argent", "Or", "Platine"),
                "de": ("Bronze", "Silber", "Gold", "Platin"),
            },
        ),
        TABLE_SOURCE,
    ),
    AttributeSpec(CUSTOMER, "preferred_language", "varchar", "text", "Preferred Language"),
    AttributeSpec(CUSTOMER, "credit_limit", "decimal", "text", "Credit Limit"),
    AttributeSpec(
        CUSTOMER,
        "last_visit_at",
        "datetime",
        "date",
        "Last Visit At",
        backend_model=DATETIME_BACKEND,
    ),
    AttributeSpec(CUSTOMER, "customer_notes", "text", "textarea", "Customer Notes"),
)
CUSTOM_ADDRESS_ATTRIBUTES = (
    AttributeSpec(ADDRESS, "delivery_instructions", "text", "textarea", "Delivery Instructions"),
    AttributeSpec(
        ADDRESS,
        "is_business_address",
        "int",
        "boolean",
        "Is Business Address",
        source_model=BOOLEAN_SOURCE,
    ),
    AttributeSpec(ADDRESS, "floor_number", "varchar", "text", "Floor Number"),
)
# The configurable products vary on these three (8 options each): 24 children per parent.
SUPER_ATTRIBUTE_CODES = ("color", "size", "inseam")


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


def _data_rows(name: str) -> list[dict[str, str]]:
    path = resources.files("magento_store") / "data" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _none(value: str) -> str | None:
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
        r["attribute_id"]: _none(r["frontend_label"])
        for r in _data_rows("default_eav_attribute_labels_2.4.2.csv")
    }
    attributes: list[Attribute] = []
    for row in _data_rows("default_eav_attributes_2.4.2.csv"):
        scope = _SCOPES[row["catalog_scope"]] if row["catalog_scope"] else None
        attributes.append(
            Attribute(
                attribute_id=int(row["attribute_id"]) + attribute_id_offset,
                entity_type_id=int(row["entity_type_id"]),
                code=row["attribute_code"],
                backend_type=row["backend_type"],
                frontend_input=_none(row["frontend_input"]),
                label=labels.get(row["attribute_id"]),
                scope=scope,
                is_required=int(row["is_required"]),
                is_user_defined=int(row["is_user_defined"]),
                source_model=_none(row["source_model"]),
                backend_model=_none(row["backend_model"]),
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


def write_eav(loader: Loader, eav: Eav, layout: StoreLayout) -> None:
    """eav_entity_type, eav_attribute, sets, groups, entity attributes, catalog/customer
    attribute extensions, options and option labels (per store view where translated)."""
    offset = eav.attribute_id_offset
    loader.load_rows(
        "eav_entity_type",
        (
            "entity_type_id",
            "entity_type_code",
            "entity_model",
            "attribute_model",
            "entity_table",
            "value_table_prefix",
            "entity_id_field",
            "is_data_sharing",
            "data_sharing_key",
            "default_attribute_set_id",
            "increment_model",
            "increment_per_store",
            "increment_pad_length",
            "increment_pad_char",
            "additional_attribute_table",
            "entity_attribute_collection",
        ),
        ENTITY_TYPES,
    )
    loader.load_rows(
        "eav_attribute",
        (
            "attribute_id",
            "entity_type_id",
            "attribute_code",
            "backend_model",
            "backend_type",
            "frontend_input",
            "frontend_label",
            "source_model",
            "is_required",
            "is_user_defined",
            "is_unique",
        ),
        [
            (
                a.attribute_id,
                a.entity_type_id,
                a.code,
                a.backend_model,
                a.backend_type,
                a.frontend_input,
                a.label,
                a.source_model,
                a.is_required,
                a.is_user_defined,
                int(a.code == "sku"),
            )
            for a in eav.attributes
        ],
    )
    loader.load_rows(
        "eav_attribute_set",
        ("attribute_set_id", "entity_type_id", "attribute_set_name", "sort_order"),
        list(DEFAULT_ATTRIBUTE_SETS)
        + [(s.attribute_set_id, PRODUCT, s.name, 0) for s in eav.product_sets],
    )

    groups = [
        (
            int(r["attribute_group_id"]),
            int(r["attribute_set_id"]),
            r["attribute_group_name"],
            int(r["sort_order"]),
            int(r["default_id"]),
            r["attribute_group_code"],
            _none(r["tab_group_code"]),
        )
        for r in _data_rows("default_eav_attribute_groups_2.4.2.csv")
    ]
    entity_attributes = [
        (
            int(r["entity_attribute_id"]),
            int(r["entity_type_id"]),
            int(r["attribute_set_id"]),
            int(r["attribute_group_id"]),
            int(r["attribute_id"]) + offset,
            int(r["sort_order"]),
        )
        for r in _data_rows("default_eav_entity_attributes_2.4.2.csv")
    ]
    next_entity_attribute = max(r[0] for r in entity_attributes) + 1

    def link(type_id: int, set_id: int, group_id: int, attribute_id: int, sort: int) -> None:
        nonlocal next_entity_attribute
        entity_attributes.append(
            (next_entity_attribute, type_id, set_id, group_id, attribute_id, sort)
        )
        next_entity_attribute += 1

    toolkit_ids = {i for s in eav.product_sets for i in s.toolkit_attribute_ids}
    home_group = {
        PRODUCT: PRODUCT_DETAILS_GROUP_ID,
        CUSTOMER: CUSTOMER_GROUP_ID,
        ADDRESS: ADDRESS_GROUP_ID,
    }
    home_set = {PRODUCT: DEFAULT_PRODUCT_SET_ID, CUSTOMER: 1, ADDRESS: 2}
    for sort, attribute in enumerate(
        (a for a in eav.attributes if a.generated and a.attribute_id not in toolkit_ids), start=200
    ):
        t = attribute.entity_type_id
        link(t, home_set[t], home_group[t], attribute.attribute_id, sort)

    # Toolkit sets are "based on Default": copies of the Default product set's groups and
    # attributes, plus the set's own attributes in its Product Details group.
    product_groups = [g for g in groups if g[1] == DEFAULT_PRODUCT_SET_ID]
    default_links = [r for r in entity_attributes if r[2] == DEFAULT_PRODUCT_SET_ID]
    next_group = max(g[0] for g in groups) + 1
    for attribute_set in eav.product_sets:
        group_map = {}
        for g in product_groups:
            groups.append((next_group, attribute_set.attribute_set_id, *g[2:]))
            group_map[g[0]] = next_group
            next_group += 1
        for r in default_links:
            link(PRODUCT, attribute_set.attribute_set_id, group_map[r[3]], r[4], r[5])
        for sort, attribute_id in enumerate(attribute_set.toolkit_attribute_ids, start=500):
            link(
                PRODUCT,
                attribute_set.attribute_set_id,
                group_map[PRODUCT_DETAILS_GROUP_ID],
                attribute_id,
                sort,
            )
    loader.load_rows(
        "eav_attribute_group",
        (
            "attribute_group_id",
            "attribute_set_id",
            "attribute_group_name",
            "sort_order",
            "default_id",
            "attribute_group_code",
            "tab_group_code",
        ),
        groups,
    )
    loader.load_rows(
        "eav_entity_attribute",
        (
            "entity_attribute_id",
            "entity_type_id",
            "attribute_set_id",
            "attribute_group_id",
            "attribute_id",
            "sort_order",
        ),
        entity_attributes,
    )

    loader.load_rows(
        "catalog_eav_attribute",
        (
            "attribute_id",
            "is_global",
            "is_visible",
            "is_searchable",
            "is_filterable",
            "is_comparable",
            "is_visible_on_front",
            "is_html_allowed_on_front",
            "used_in_product_listing",
            "used_for_sort_by",
            "apply_to",
            "is_wysiwyg_enabled",
            "is_used_for_promo_rules",
            "is_pagebuilder_enabled",
        ),
        [_catalog_row(a) for a in eav.attributes if a.entity_type_id in (CATEGORY, PRODUCT)],
    )
    loader.load_rows(
        "customer_eav_attribute",
        (
            "attribute_id",
            "is_visible",
            "input_filter",
            "multiline_count",
            "validate_rules",
            "is_system",
            "sort_order",
            "is_used_in_grid",
            "is_visible_in_grid",
            "is_filterable_in_grid",
            "is_searchable_in_grid",
        ),
        [
            _customer_row(a, n)
            for n, a in enumerate(eav.attributes)
            if a.entity_type_id in (CUSTOMER, ADDRESS)
        ],
    )

    with_options = sorted(
        (a for a in eav.attributes if a.option_ids), key=lambda a: a.option_ids[0]
    )
    loader.load_rows(
        "eav_attribute_option",
        ("option_id", "attribute_id", "sort_order"),
        [
            (option_id, a.attribute_id, sort)
            for a in with_options
            for sort, option_id in enumerate(a.option_ids)
        ],
    )
    value_rows = []
    for a in with_options:
        assert a.options is not None
        for index, option_id in enumerate(a.option_ids):
            value_rows.append((option_id, 0, a.options.labels[index]))
            for view in layout.views:
                translated = a.options.translations.get(view.language)
                if translated:
                    value_rows.append((option_id, view.store_id, translated[index]))
    loader.load_rows(
        "eav_attribute_option_value",
        ("value_id", "option_id", "store_id", "value"),
        [(n, *row) for n, row in enumerate(value_rows, start=1)],
    )


_LISTED = frozenset(
    {
        "name",
        "sku",
        "price",
        "special_price",
        "special_from_date",
        "special_to_date",
        "image",
        "small_image",
        "thumbnail",
        "url_key",
        "status",
        "visibility",
        "tax_class_id",
        "msrp",
        "short_description",
    }
)
_SEARCHABLE = frozenset(
    {"name", "sku", "description", "short_description", "manufacturer", "color"}
)
_HTML = frozenset({"description", "short_description"})
_PRICE_TYPES = "simple,virtual,bundle,downloadable,configurable"


def _catalog_row(a: Attribute) -> tuple[object, ...]:
    is_select = a.frontend_input in ("select", "multiselect")
    custom = a.generated
    product = a.entity_type_id == PRODUCT
    return (
        a.attribute_id,
        a.scope if a.scope is not None else SCOPE_GLOBAL,
        1,
        int(product and (a.code in _SEARCHABLE or (custom and is_select))),
        int(product and is_select and (custom or a.code in ("color", "manufacturer"))),
        int(product and custom and is_select),
        int(product and custom),
        int(a.code in _HTML),
        int(product and (a.code in _LISTED or custom)),
        int(product and a.code in ("name", "price")),
        _PRICE_TYPES if product and a.frontend_input == "price" and not custom else None,
        int(a.code in _HTML),
        int(product and is_select),
        int(product and a.code == "description"),
    )


def _customer_row(a: Attribute, position: int) -> tuple[object, ...]:
    hidden = a.frontend_input in ("hidden", None)
    system = int(not a.generated)
    in_grid = int(
        a.code
        in (
            "email",
            "firstname",
            "lastname",
            "group_id",
            "created_at",
            "gender",
            "dob",
            "taxvat",
            "website_id",
            "telephone",
            "postcode",
            "city",
            "country_id",
            "region",
            "street",
            "company",
            "loyalty_tier",
        )
    )
    return (
        a.attribute_id,
        int(not hidden),
        "trim" if a.code in ("firstname", "lastname", "middlename") else None,
        3 if a.code == "street" else 0,
        '{"max_text_length":255,"min_text_length":1}'
        if a.code in ("firstname", "lastname")
        else None,
        system,
        (position + 1) * 10,
        in_grid,
        in_grid,
        in_grid,
        int(in_grid and a.backend_type in ("static", "varchar")),
    )
