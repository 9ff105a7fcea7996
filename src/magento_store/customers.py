"""Customers, their addresses and their custom EAV values.

A few extra customers are generated and then "deleted": they get no rows at all (as after
`DELETE FROM customer_entity` with its cascades), but their orders remain with customer_id NULL
and customer_is_guest 0, carrying their e-mail and names (see sales/).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import vocab
from .common import BASE_EPOCH, DAY, HOUR, day, hex_token, pick_ids, section_rng, slug, ts
from .eav import ADDRESS, CUSTOMER, Eav
from .loader import Loader
from .profiles import (
    CUSTOMER_WITHOUT_ADDRESS_SHARE,
    DELETED_CUSTOMER_SHARE,
    INACTIVE_CUSTOMER_SHARE,
    MULTILINE_STREET_SHARE,
    Profile,
)
from .reference import Region
from .stores import StoreLayout

EAV_VALUE_COLUMNS = ("value_id", "attribute_id", "entity_id", "value")


@dataclass(slots=True)
class Address:
    """A postal address (customer address book entry or order address)."""

    address_id: int
    firstname: str
    lastname: str
    company: str | None
    street: str
    city: str
    region: str | None
    region_id: int | None
    postcode: str
    country_id: str
    telephone: str
    vat_id: str | None = None


@dataclass(slots=True)
class Customer:
    """A customer as orders, reviews and marketing rows need it."""

    entity_id: int
    website_id: int
    store_id: int
    group_id: int
    email: str
    firstname: str
    lastname: str
    dob: str | None
    gender: int | None
    taxvat: str | None
    created_at: int
    deleted: bool = False
    addresses: list[Address] = field(default_factory=list)


class AddressFactory:
    """Realistic addresses per country; regions come from directory_country_region."""

    def __init__(self, regions: tuple[Region, ...]) -> None:
        self.regions: dict[str, list[Region]] = {}
        for region in regions:
            self.regions.setdefault(region.country_id, []).append(region)

    def make(
        self, rng: random.Random, address_id: int, country: str, first: str, last: str
    ) -> Address:
        """One address in `country`, street lines joined by '\\n' for some."""
        number = rng.randrange(1, 400)
        street_name = rng.choice(vocab.STREET_NAMES)
        street = f"{street_name} {number}" if country in ("DE", "FR") else f"{number} {street_name}"
        if rng.random() < MULTILINE_STREET_SHARE:
            street += "\n" + rng.choice(vocab.STREET_EXTRAS)
        region_list = self.regions.get(country)
        if region_list:
            region_row = rng.choice(region_list)
            region, region_id = region_row.name, region_row.region_id
        else:
            region, region_id = rng.choice(vocab.FREE_REGIONS.get(country, ("",))) or None, None
        company = rng.choice(vocab.COMPANIES) if rng.random() < 0.15 else None
        vat_id = (
            f"{country}{rng.randrange(10**8, 10**9)}"
            if company and country in ("DE", "FR")
            else None
        )
        return Address(
            address_id,
            first,
            last,
            company,
            street,
            rng.choice(vocab.CITIES[country]),
            region,
            region_id,
            _postcode(rng, country),
            country,
            _telephone(rng, country),
            vat_id,
        )


def _postcode(rng: random.Random, country: str) -> str:
    if country == "CA":
        district = f"M{rng.randrange(10)}{rng.choice('ABCEG')}"
        return f"{district} {rng.randrange(10)}{rng.choice('HJK')}{rng.randrange(10)}"
    if country == "GB":
        return f"SW{rng.randrange(1, 20)} {rng.randrange(10)}{rng.choice('ABD')}{rng.choice('NPW')}"
    if country == "AU":
        return f"{rng.randrange(2000, 7000)}"
    return f"{rng.randrange(1000, 99999):05d}"


def password_hash(customer_id: int) -> str:
    """Magento 2.4 format: hash:salt:version (Argon2id13 parameters), deterministic."""
    digest = hex_token("pw", customer_id, length=64)
    return f"{digest}:{hex_token('salt', customer_id)}:3_32_2_67108864_2"


def _telephone(rng: random.Random, country: str) -> str:
    prefix = {"US": "+1", "CA": "+1", "DE": "+49", "FR": "+33", "GB": "+44", "AU": "+61"}[country]
    return f"{prefix} {rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}"


def plan_customers(
    profile: Profile, layout: StoreLayout, eav: Eav, factory: AddressFactory, seed: int
) -> list[Customer]:
    """All customers, including the ones that will be deleted (flagged, written nowhere)."""
    rng = section_rng(seed, "customers")
    deleted_count = max(2, round(profile.customers * DELETED_CUSTOMER_SHARE))
    total = profile.customers + deleted_count
    deleted = set(rng.sample(range(1, total + 1), deleted_count))
    without_address = set(
        rng.sample(range(1, total + 1), max(2, round(total * CUSTOMER_WITHOUT_ADDRESS_SHARE)))
    )
    website_weights = [6] + [2] * (len(layout.websites) - 1)
    genders = eav.attr(CUSTOMER, "gender").option_ids
    customers: list[Customer] = []
    next_address = 1
    for entity_id in range(1, total + 1):
        website = rng.choices(layout.websites, weights=website_weights)[0]
        view = rng.choice(layout.views_of(website.website_id))
        first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
        email = f"{slug(first) or 'user'}.{slug(last) or 'name'}.{entity_id}@example.com"
        if rng.random() < 0.05:
            email = email.capitalize()
        created = BASE_EPOCH - 365 * DAY + rng.randrange(1000 * DAY)
        dob = (
            day(BASE_EPOCH - rng.randrange(18 * 365, 80 * 365) * DAY)
            if rng.random() < 0.6
            else None
        )
        customer = Customer(
            entity_id,
            website.website_id,
            view.store_id,
            rng.choice((1, 1, 1, 1, 2, 3)),
            email,
            first,
            last,
            dob,
            rng.choice(genders) if rng.random() < 0.5 else None,
            f"{view.country}{rng.randrange(10**8, 10**9)}" if rng.random() < 0.2 else None,
            created,
            deleted=entity_id in deleted,
        )
        count = 0 if entity_id in without_address else profile.addresses_per_customer
        for k in range(count):
            country = (
                view.country
                if k == 0 or rng.random() < 0.8
                else rng.choice(("US", "DE", "FR", "GB"))
            )
            customer.addresses.append(factory.make(rng, next_address, country, first, last))
            next_address += 1
        customers.append(customer)
    return customers


def write_customers(
    loader: Loader, customers: list[Customer], eav: Eav, layout: StoreLayout, seed: int
) -> None:
    """customer_entity, customer_address_entity and their EAV value tables."""
    rng = section_rng(seed, "customer-rows")
    live = [c for c in customers if not c.deleted]
    inactive = pick_ids(rng, [c.entity_id for c in live], INACTIVE_CUSTOMER_SHARE, 1)
    with loader.table("customer_entity") as entity:
        for c in live:
            updated = c.created_at + rng.randrange(400 * DAY)
            token = hex_token("rp", c.entity_id) if rng.random() < 0.05 else None
            failures = 3 if rng.random() < 0.02 else 0
            entity.add_mapping(
                {
                    "entity_id": c.entity_id,
                    "website_id": c.website_id,
                    "store_id": c.store_id,
                    "created_in": layout.view(c.store_id).name,
                    "group_id": c.group_id,
                    "email": c.email,
                    "prefix": "Dr." if rng.random() < 0.03 else None,
                    "firstname": c.firstname,
                    "middlename": "A." if rng.random() < 0.05 else None,
                    "lastname": c.lastname,
                    "dob": c.dob,
                    "gender": c.gender,  # an eav_attribute_option id of `gender`
                    "taxvat": c.taxvat,
                    "is_active": 0 if c.entity_id in inactive else 1,
                    "disable_auto_group_change": 0,
                    "default_billing": c.addresses[0].address_id if c.addresses else None,
                    "default_shipping": c.addresses[-1].address_id if c.addresses else None,
                    "password_hash": password_hash(c.entity_id),
                    "rp_token": token,
                    "rp_token_created_at": ts(updated) if token else None,
                    "failures_num": failures,
                    "first_failure": ts(updated - HOUR) if failures else None,
                    "lock_expires": ts(updated + HOUR) if failures else None,
                    "session_cutoff": ts(updated) if rng.random() < 0.1 else None,
                    "created_at": ts(c.created_at),
                    "updated_at": ts(updated),
                }
            )
    with loader.table("customer_address_entity") as addresses:
        for c in live:
            for a in c.addresses:
                created = c.created_at + a.address_id % 7 * HOUR
                addresses.add_mapping(
                    {
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
                        "created_at": ts(created),
                        "updated_at": ts(created + rng.randrange(300) * DAY),
                    }
                )

    # customer EAV: only custom attributes (a fresh install has no non-static ones)
    values: dict[str, list[tuple[int, int, object]]] = {
        t: [] for t in ("varchar", "int", "decimal", "datetime", "text")
    }
    tier = eav.attr(CUSTOMER, "loyalty_tier")
    for c in live:
        e = c.entity_id
        if rng.random() < 0.6:
            values["int"].append((tier.attribute_id, e, rng.choice(tier.option_ids)))
        if rng.random() < 0.5:
            values["varchar"].append(
                (eav.id(CUSTOMER, "preferred_language"), e, rng.choice(vocab.LANGUAGES))
            )
        if rng.random() < 0.2:
            values["decimal"].append(
                (eav.id(CUSTOMER, "credit_limit"), e, f"{rng.randrange(5, 200) * 100}.0000")
            )
        if rng.random() < 0.7:
            values["datetime"].append(
                (eav.id(CUSTOMER, "last_visit_at"), e, ts(c.created_at + rng.randrange(500 * DAY)))
            )
        if rng.random() < 0.1:
            values["text"].append(
                (eav.id(CUSTOMER, "customer_notes"), e, rng.choice(vocab.CUSTOMER_NOTES))
            )
    for backend, rows in values.items():
        loader.load_rows(
            f"customer_entity_{backend}",
            EAV_VALUE_COLUMNS,
            [(n, *r) for n, r in enumerate(rows, 1)],
        )

    address_values: dict[str, list[tuple[int, int, object]]] = {
        t: [] for t in ("varchar", "int", "decimal", "datetime", "text")
    }
    for c in live:
        for a in c.addresses:
            if rng.random() < 0.2:
                address_values["text"].append(
                    (
                        eav.id(ADDRESS, "delivery_instructions"),
                        a.address_id,
                        rng.choice(vocab.DELIVERY_INSTRUCTIONS),
                    )
                )
            if rng.random() < 0.3:
                address_values["int"].append(
                    (
                        eav.id(ADDRESS, "is_business_address"),
                        a.address_id,
                        int(a.company is not None),
                    )
                )
            if rng.random() < 0.15:
                address_values["varchar"].append(
                    (eav.id(ADDRESS, "floor_number"), a.address_id, str(rng.randrange(-1, 30)))
                )
    for backend, rows in address_values.items():
        loader.load_rows(
            f"customer_address_entity_{backend}",
            EAV_VALUE_COLUMNS,
            [(n, *r) for n, r in enumerate(rows, 1)],
        )
