"""Kinds that write a bad value into an existing row (or a copy): zero dates, bad or duplicate
e-mails, emoji, mojibake, overlong codes, NUL bytes.
"""

from __future__ import annotations

from .planner import (
    NUL,
    Change,
    Planner,
    customer_candidates,
    product_name_candidates,
    review_candidates,
    split_count,
)

_ISO3 = {"US": "USA", "DE": "DEU", "FR": "FRA", "GB": "GBR", "CA": "CAN", "AU": "AUS"}
_EMOJI = ("🚀", "👍", "😀", "🔥", "🎉", "🌍", "🧦", "👟")
_MOJIBAKE = "CONVERT(CAST(CONVERT(`{column}` USING utf8mb4) AS BINARY) USING latin1)"


def zero_date_dob(p: Planner, count: int) -> list[Change]:
    rng = p.rng("zero_date_dob")
    return [
        Change(
            "zero_date_dob",
            "customer_entity",
            "entity_id",
            row[0],
            "dob",
            "zero date of birth (a MySQL 5 / Magento 1 import stored 0000-00-00 for 'unknown'); "
            "repair: NULL",
            value="0000-00-00",
            original=row[2],
        )
        for row in p.pick(
            rng,
            p.rows(
                "SELECT entity_id, entity_id, CAST(dob AS CHAR) FROM customer_entity "
                "WHERE dob IS NOT NULL"
            ),
            count,
            "customer",
        )
    ]


def zero_date_created_at(p: Planner, count: int) -> list[Change]:
    rng = p.rng("zero_date_created_at")
    orders, customers = split_count(count, 2)
    changes = []
    for table, entity, n in (
        ("sales_order", "order", orders),
        ("customer_entity", "customer", customers),
    ):
        rows = p.rows(f"SELECT entity_id, entity_id, CAST(created_at AS CHAR) FROM `{table}`")
        changes += [
            Change(
                "zero_date_created_at",
                table,
                "entity_id",
                row[0],
                "created_at",
                f"zero {table}.created_at (TIMESTAMP 0, written with sql_mode ''); repair: NULL "
                "or another timestamp of the row, flagged",
                value="0000-00-00 00:00:00",
                original=row[2],
            )
            for row in p.pick(rng, rows, n, entity)
        ]
    return changes


def zero_date_special_from(p: Planner, count: int) -> list[Change]:
    rng = p.rng("zero_date_special_from")
    rows = p.rows(
        "SELECT value_id, entity_id, CAST(value AS CHAR) FROM catalog_product_entity_datetime "
        "WHERE attribute_id = %s AND store_id = 0",
        (p.attribute_id("catalog_product", "special_from_date"),),
    )
    return [
        Change(
            "zero_date_special_from",
            "catalog_product_entity_datetime",
            "value_id",
            row[0],
            "value",
            f"special_from_date of product {row[1]} (store 0) is a zero datetime; repair: NULL",
            value="0000-00-00 00:00:00",
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, rows, count, "product")
    ]


def invalid_email(p: Planner, count: int) -> list[Change]:
    rng = p.rng("invalid_email")
    changes = []
    for i, row in enumerate(p.pick(rng, customer_candidates(p), count, "customer")):
        email: str = row[2]
        local, _, domain = email.partition("@")
        if i % 2 == 0:
            bad, what = f"{local} at {domain}", "no '@' (typed as ' at ')"
        else:
            spaced = local.replace(".", " ", 1) if "." in local else f"{local[:1]} {local[1:]}"
            bad, what = f"{spaced}@{domain}", "a space inside the local part"
        changes.append(
            Change(
                "invalid_email",
                "customer_entity",
                "entity_id",
                row[0],
                "email",
                f"e-mail with {what}",
                value=bad,
                original=email,
            )
        )
    return changes


def duplicate_email(p: Planner, count: int) -> list[Change]:
    rng = p.rng("duplicate_email")
    changes = []
    for row in p.pick(rng, customer_candidates(p), count, "customer"):
        first_id, email, website_id = row[0], row[2], row[3]
        new_id = p.new_id("customer_entity")
        duplicate = f" {email.upper()}"
        changes.append(
            Change(
                "duplicate_email",
                "customer_entity",
                "entity_id",
                new_id,
                "email",
                f"second account of customer {first_id} ({email}) in website {website_id}: "
                "the same address after lower(trim(email)); a leading space passes Magento's "
                "case-insensitive, trailing-space-blind key (email, website_id); the copy has no "
                "addresses and no EAV values",
                insert=(
                    ("entity_id", new_id),
                    ("email", duplicate),
                    ("increment_id", None),
                    ("default_billing", None),
                    ("default_shipping", None),
                    ("rp_token", None),
                    ("rp_token_created_at", None),
                ),
                copy_of=first_id,
                related_id=first_id,
            )
        )
    return changes


def emoji_text(p: Planner, count: int) -> list[Change]:
    rng = p.rng("emoji_text")
    names, reviews = split_count(count, 2)
    changes = [
        Change(
            "emoji_text",
            "catalog_product_entity_varchar",
            "value_id",
            row[0],
            "value",
            f"product {row[1]} name (store 0) with a 4-byte emoji (utf8mb4); migrate as is",
            value=f"{row[2]} {rng.choice(_EMOJI)}",
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, product_name_candidates(p), names, "product")
    ]
    changes += [
        Change(
            "emoji_text",
            "review_detail",
            "detail_id",
            row[0],
            "detail",
            f"review {row[1]} detail with 4-byte emoji (utf8mb4); migrate as is",
            value=f"{row[2]} {rng.choice(_EMOJI)}{rng.choice(_EMOJI)}",
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, review_candidates(p), reviews, "review")
    ]
    return changes


def mojibake_latin1(p: Planner, count: int) -> list[Change]:
    rng = p.rng("mojibake_latin1")
    cities, names = split_count(count, 2)
    note = (
        "UTF-8 bytes read as latin1 (cp1252) and stored again as UTF-8 (a latin1 client "
        "connection); repair: CONVERT(CAST(CONVERT(value USING latin1) AS BINARY) USING utf8mb4) "
        "gives original_value back"
    )
    addresses = [
        r
        for r in p.rows("SELECT entity_id, entity_id, city, parent_id FROM customer_address_entity")
        if not r[2].isascii()
    ]
    changes = [
        Change(
            "mojibake_latin1",
            "customer_address_entity",
            "entity_id",
            row[0],
            "city",
            f"address city: {note}",
            expression=_MOJIBAKE.format(column="city"),
            original=row[2],
            related_id=row[3],
        )
        for row in p.pick(rng, addresses, cities, "address")
    ]
    changes += [
        Change(
            "mojibake_latin1",
            "catalog_product_entity_varchar",
            "value_id",
            row[0],
            "value",
            f"product {row[1]} name (store 0): {note}",
            expression=_MOJIBAKE.format(column="value"),
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(
            rng, [r for r in product_name_candidates(p) if not r[2].isascii()], names, "product"
        )
    ]
    return changes


def overlong_value(p: Planner, count: int) -> list[Change]:
    rng = p.rng("overlong_value")
    rows = [
        r
        for r in p.rows(
            "SELECT entity_id, entity_id, country_id, parent_id FROM customer_address_entity"
        )
        if r[2] in _ISO3
    ]
    return [
        Change(
            "overlong_value",
            "customer_address_entity",
            "entity_id",
            row[0],
            "country_id",
            f"3-letter country code for {row[2]}: fits varchar(255) but Magento means ISO 3166 "
            "alpha-2 (directory_country, sales_order_address.country_id varchar(2))",
            value=_ISO3[row[2]],
            original=row[2],
            related_id=row[3],
        )
        for row in p.pick(rng, rows, count, "address")
    ]


def nul_byte_text(p: Planner, count: int) -> list[Change]:
    rng = p.rng("nul_byte_text")
    reviews, notes = split_count(count, 2)

    def with_nul(text: str) -> str:
        at = len(text) // 2
        return f"{text[:at]}{NUL}{text[at:]}"

    changes = [
        Change(
            "nul_byte_text",
            "review_detail",
            "detail_id",
            row[0],
            "detail",
            f"review {row[1]} detail with a NUL character (Postgres text cannot hold it); "
            "repair: remove it",
            value=with_nul(row[2]),
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, review_candidates(p), reviews, "review")
    ]
    note_rows = p.rows(
        "SELECT value_id, entity_id, value FROM customer_entity_text "
        "WHERE attribute_id = %s AND value <> ''",
        (p.attribute_id("customer", "customer_notes"),),
    )
    changes += [
        Change(
            "nul_byte_text",
            "customer_entity_text",
            "value_id",
            row[0],
            "value",
            f"customer_notes of customer {row[1]} with a NUL character (Postgres text cannot "
            "hold it); repair: remove it",
            value=with_nul(row[2]),
            original=row[2],
            related_id=row[1],
        )
        for row in p.pick(rng, note_rows, notes, "customer")
    ]
    return changes
