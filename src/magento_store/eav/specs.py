"""What the EAV metadata is made of: entity types, scopes, Magento's model classes, and the custom
attributes and options this store adds to Magento's defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CUSTOMER, ADDRESS, CATEGORY, PRODUCT = 1, 2, 3, 4

ENTITY_TYPE_CODES = {
    CUSTOMER: "customer",
    ADDRESS: "customer_address",
    CATEGORY: "catalog_category",
    PRODUCT: "catalog_product",
}

# catalog_eav_attribute.is_global
SCOPE_STORE, SCOPE_GLOBAL, SCOPE_WEBSITE = 0, 1, 2
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
