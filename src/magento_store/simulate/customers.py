"""Customers: new registrations (entity, address, custom EAV values), existing ones read back,
and changes: first names (ORM save) and custom EAV values (value tables only).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import vocab
from ..common import slug, ts
from ..customers import Address, AddressFactory, Customer, password_hash
from ..eav import ADDRESS, CUSTOMER
from ..reference import load_regions
from ..stores import StoreLayout
from .store import Picker, Store, placeholders


def create_customers(store: Store, count: int) -> list[Customer]:
    """New registrations: customer_entity, one address, custom customer and address EAV values."""
    if count == 0:
        return []
    rng = store.rng("customers")
    db, layout = store.db, store.layout
    factory = AddressFactory(load_regions())
    genders = store.options(store.attr(CUSTOMER, "gender"))
    tier = store.attr(CUSTOMER, "loyalty_tier")
    tiers = store.options(tier)
    weights = [6] + [2] * (len(layout.websites) - 1)
    created: list[Customer] = []
    for _ in range(count):
        when = store.clock.tick(rng)
        entity_id = store.ids.take("customer_entity")
        website = rng.choices(layout.websites, weights=weights)[0]
        view = rng.choice(layout.views_of(website.website_id))
        first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
        customer = Customer(
            entity_id,
            website.website_id,
            view.store_id,
            rng.choice((1, 1, 1, 1, 2, 3)),
            f"{slug(first) or 'user'}.{slug(last) or 'name'}.{entity_id}@example.com",
            first,
            last,
            f"{rng.randint(1950, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.6
            else None,
            rng.choice(genders) if rng.random() < 0.5 else None,
            f"{view.country}{rng.randrange(10**8, 10**9)}" if rng.random() < 0.2 else None,
            when,
        )
        address = factory.make(
            rng, store.ids.take("customer_address_entity"), view.country, first, last
        )
        customer.addresses.append(address)
        with db.event(when):
            db.insert("customer_entity", _customer_row(customer, layout))
            db.insert("customer_address_entity", _address_row(customer, address))
            values: list[tuple[int, str, object]] = [
                (CUSTOMER, "loyalty_tier", rng.choice(tiers)),
                (CUSTOMER, "preferred_language", rng.choice(vocab.LANGUAGES)),
            ]
            if rng.random() < 0.2:
                values.append((CUSTOMER, "credit_limit", f"{rng.randrange(5, 200) * 100}.0000"))
            if rng.random() < 0.7:
                values.append((CUSTOMER, "last_visit_at", ts(when)))
            if rng.random() < 0.1:
                values.append((CUSTOMER, "customer_notes", rng.choice(vocab.CUSTOMER_NOTES)))
            if rng.random() < 0.3:
                values.append((ADDRESS, "is_business_address", int(address.company is not None)))
            if rng.random() < 0.2:
                values.append(
                    (ADDRESS, "delivery_instructions", rng.choice(vocab.DELIVERY_INSTRUCTIONS))
                )
            for type_id, code, value in values:
                owner = entity_id if type_id == CUSTOMER else address.address_id
                _insert_customer_value(store, type_id, code, owner, value)
        created.append(customer)
        store.touched_customers.add(entity_id)
        store.add("customers_created")
    return created


def _customer_row(c: Customer, layout: StoreLayout) -> dict[str, object]:
    address_id = c.addresses[0].address_id if c.addresses else None
    return {
        "entity_id": c.entity_id,
        "website_id": c.website_id,
        "store_id": c.store_id,
        "created_in": layout.view(c.store_id).name,
        "group_id": c.group_id,
        "email": c.email,
        "firstname": c.firstname,
        "lastname": c.lastname,
        "dob": c.dob,
        "gender": c.gender,
        "taxvat": c.taxvat,
        "is_active": 1,
        "disable_auto_group_change": 0,
        "default_billing": address_id,
        "default_shipping": address_id,
        "password_hash": password_hash(c.entity_id),
        "failures_num": 0,
        "created_at": ts(c.created_at),
        "updated_at": ts(c.created_at),
    }


def _address_row(c: Customer, a: Address) -> dict[str, object]:
    return {
        "entity_id": a.address_id,
        "parent_id": c.entity_id,
        "is_active": 1,
        "firstname": a.firstname,
        "lastname": a.lastname,
        "company": a.company,
        "street": a.street,
        "city": a.city,
        "region": a.region,
        "region_id": a.region_id,
        "postcode": a.postcode,
        "country_id": a.country_id,
        "telephone": a.telephone,
        "vat_id": a.vat_id,
        "created_at": ts(c.created_at),
        "updated_at": ts(c.created_at),
    }


def _insert_customer_value(
    store: Store, type_id: int, code: str, entity_id: int, value: object
) -> None:
    attribute = store.attr(type_id, code)
    entity_table = "customer_entity" if type_id == CUSTOMER else "customer_address_entity"
    table = attribute.table(entity_table)
    store.db.insert(
        table,
        {
            "value_id": store.ids.take(table, "value_id"),
            "attribute_id": attribute.attribute_id,
            "entity_id": entity_id,
            "value": value,
        },
    )


def load_customers(store: Store, ids: Sequence[int]) -> dict[int, Customer]:
    """Existing customers with their default billing and shipping addresses."""
    if not ids:
        return {}
    db = store.db
    rows = db.rows(
        "SELECT entity_id, website_id, store_id, group_id, email, firstname, lastname, dob, "
        "gender, taxvat, UNIX_TIMESTAMP(created_at), default_billing, default_shipping "
        f"FROM customer_entity WHERE entity_id IN ({placeholders(ids)}) ORDER BY entity_id",
        list(ids),
    )
    addresses = {
        int(r[0]): Address(int(r[0]), *r[2:])
        for r in db.rows(
            "SELECT entity_id, parent_id, firstname, lastname, company, street, city, region, "
            "region_id, postcode, country_id, telephone, vat_id FROM customer_address_entity "
            f"WHERE parent_id IN ({placeholders(ids)}) ORDER BY entity_id",
            list(ids),
        )
    }
    customers: dict[int, Customer] = {}
    for r in rows:
        website_id = int(r[1])
        customer = Customer(
            int(r[0]),
            website_id,
            int(r[2]) if r[2] is not None else store.layout.views_of(website_id)[0].store_id,
            int(r[3]),
            r[4],
            r[5],
            r[6],
            str(r[7]) if r[7] is not None else None,
            r[8],
            r[9],
            int(r[10]),
        )
        billing, shipping = addresses.get(r[11] or 0), addresses.get(r[12] or 0)
        customer.addresses = [a for a in (billing, shipping) if a is not None]
        customers[customer.entity_id] = customer
    return customers


def update_customers(store: Store, count: int) -> None:
    """`count` first-name changes (ORM save: updated_at moves by ON UPDATE) and `count` custom
    EAV value changes written to the value tables only (customer_entity untouched)."""
    if count == 0:
        return
    rng = store.rng("customer-changes")
    db = store.db
    untouched = [
        (int(r[0]), int(r[0]), r[1])
        for r in db.rows("SELECT entity_id, firstname FROM customer_entity ORDER BY entity_id")
        if int(r[0]) not in store.touched_customers
    ]
    renames = Picker(rng, untouched, store.touched_customers)
    eav_rows: list[tuple[Any, ...]] = []
    for code in ("loyalty_tier", "preferred_language"):
        attribute = store.attr(CUSTOMER, code)
        table = attribute.table("customer_entity")
        eav_rows += [
            (table, code, *r)
            for r in db.rows(
                f"SELECT entity_id, value_id, value FROM `{table}` WHERE attribute_id = %s "
                "ORDER BY value_id",
                (attribute.attribute_id,),
            )
        ]
    eav_changes = Picker(rng, eav_rows, store.touched_customers)
    tiers = store.options(store.attr(CUSTOMER, "loyalty_tier"))
    for _ in range(count):
        row = renames.next()
        if row is not None:
            with db.event(store.clock.tick(rng)):
                first = rng.choice([f for f in vocab.FIRST_NAMES if f != row[2]])
                db.update("customer_entity", {"firstname": first}, "entity_id", row[0])
            store.add("customer_renames")
        change = eav_changes.next(2)
        if change is not None:
            table, code, _, value_id, value = change
            pool: list[object] = list(tiers if code == "loyalty_tier" else vocab.LANGUAGES)
            new = rng.choice([p for p in pool if str(p) != str(value)])
            with db.event(store.clock.tick(rng)):
                db.update(table, {"value": new}, "value_id", value_id)
            store.add("customer_eav_changes")
