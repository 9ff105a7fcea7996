"""The EAV metadata rows: entity types, attributes (eav_attribute, catalog_eav_attribute,
customer_eav_attribute), options and labels, sets, groups and entity attributes.
"""

from __future__ import annotations

from ..loader import Loader
from ..stores import StoreLayout
from .model import (
    Attribute,
    Eav,
    null_if_empty,
    read_data_csv,
)
from .specs import (
    ADDRESS,
    ADDRESS_GROUP_ID,
    CATEGORY,
    CUSTOMER,
    CUSTOMER_GROUP_ID,
    DEFAULT_ATTRIBUTE_SETS,
    DEFAULT_PRODUCT_SET_ID,
    ENTITY_TYPES,
    PRODUCT,
    PRODUCT_DETAILS_GROUP_ID,
    SCOPE_GLOBAL,
)


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
            null_if_empty(r["tab_group_code"]),
        )
        for r in read_data_csv("default_eav_attribute_groups_2.4.2.csv")
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
        for r in read_data_csv("default_eav_entity_attributes_2.4.2.csv")
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
