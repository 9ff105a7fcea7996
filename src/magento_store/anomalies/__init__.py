"""`generate --anomalies`: the dirty-data corpus, injected into a freshly generated store.

Real Magento databases are dirty: imports run with foreign-key checks off, MyISAM pasts, extensions
writing SQL, old zero dates. After the normal store is loaded, each selected kind writes `count`
rows (default 3) with plain SQL, the way such data arises: `sql_mode = ''` (zero dates allowed),
`foreign_key_checks = 0` only around the rows that point at something missing. Updated rows keep
their `updated_at` (the row has looked like this since the dirty write); nothing reads the clock.

Rows are chosen by the seeded RNG (one stream per kind) among rows every profile has. Every kind is
planned on every run, in the order of `KINDS`, whether selected or not, and no two kinds touch the
same entity (customer, address, order, product, review): a kind hits the same rows whatever else is
selected, and every affected entity has exactly one anomaly. A kind with two targets spreads its
rows round-robin over them, the first target first (count 3: 2 + 1).

Every injected row is one row of `magento_store_anomalies` and of the JSON manifest (same fields):

* `magento_id`: the primary-key value of the injected row, as text (every table here has a
  one-column key); `column_name`/`injected_value`: the column written and its value as
  `CAST(column AS CHAR)` reads it back (a NUL character as the two characters `\\0`, so the table
  itself can reach Postgres); `original_value`: the value before (NULL for inserted rows);
* `related_id`: the entity the row belongs to (EAV rows: `entity_id`; review_detail: `review_id`;
  payments: the order; stock items: the product; addresses: the customer), or for duplicates the
  row it duplicates (kept customer / product); NULL for orphans (the missing parent is the
  injected value) and for entity rows themselves;
* `expected_outcome`: `quarantine` (the row is not migrated and is reported), `repair` (migrated
  with a repaired value, listed in migration.repairs), `flag` (migrated unchanged, listed in
  migration.repairs as flagged: an order whose totals do not add up is still a legal document,
  negative stock a real state), `migrate` (migrated as is).

Kinds (outcome) - table.column: injected value. "A, then B": the targets of a two-target kind.

* zero_date_dob (repair: NULL) - customer_entity.dob (customers with a date): `0000-00-00`.
* zero_date_created_at (repair) - sales_order.created_at, then customer_entity.created_at:
  `0000-00-00 00:00:00` (TIMESTAMP 0).
* zero_date_special_from (repair) - catalog_product_entity_datetime.value of special_from_date,
  store 0: `0000-00-00 00:00:00`.
* invalid_email (quarantine) - customer_entity.email: `@` written as ` at `, or a space in the
  local part.
* duplicate_email (quarantine) - customer_entity.email of a new customer (a copy of another one,
  without addresses or EAV values): ` ` + the other customer's e-mail upper-cased, same website.
* emoji_text (migrate) - catalog_product_entity_varchar.value (name, store 0), then
  review_detail.detail: the text plus 4-byte emoji.
* mojibake_latin1 (repair) - customer_address_entity.city (non-ASCII cities), then
  catalog_product_entity_varchar.value (non-ASCII names, store 0): UTF-8 read as latin1 and
  stored again (`MÃ¼nchen`), done by MariaDB's own conversion.
* overlong_value (quarantine) - customer_address_entity.country_id: ISO 3166 alpha-3 (`USA`).
* orphan_address, orphan_order_item, orphan_vote, orphan_stock_item, orphan_coupon (quarantine) -
  new rows (copies of existing ones) whose customer_address_entity.parent_id,
  sales_order_item.order_id, rating_option_vote.review_id, cataloginventory_stock_item.product_id,
  salesrule_coupon.rule_id is an id that does not exist (coupon: a new `LEGACY-...` code).
* null_sku (quarantine) - catalog_product_entity.sku: `''` (the column is NOT NULL).
* duplicate_sku (quarantine) - catalog_product_entity.sku: the sku of a product with a lower id.
* negative_stock (flag) - cataloginventory_stock_item.qty: -1 .. -5.
* non_numeric_eav (repair) - catalog_product_entity_text.value of the multiselects `material` /
  `activity`, store 0: a non-numeric token before the option ids (`abc,56,58`).
* unknown_attribute (quarantine: the value row) - new customer_entity_varchar, then
  catalog_product_entity_int (store 0) rows whose attribute_id is not in eav_attribute.
* malformed_payment_json (repair) - sales_order_payment.additional_information: the JSON cut
  inside its first string value (`{"method_title":"Chec`).
* order_totals_mismatch (flag) - sales_order.grand_total: +/- 1..9 cents.
* nul_byte_text (repair: remove) - review_detail.detail, then customer_entity_text.value
  (customer_notes): the text with a NUL character in the middle.

Choices a real database can have, documented where Magento's own keys decide:

* duplicate_email: Magento's key `(email, website_id)` is case-insensitive (utf8mb4_general_ci) and,
  being PAD SPACE, ignores trailing spaces, so neither `John@X.com` nor `john@x.com ` can be
  inserted next to `john@x.com`; a leading space (an import that did not trim) is accepted. The
  second account duplicates the first after `lower(trim(email))`.
* orphans and unknown attributes point at ids above every id of the parent table (and every id the
  store's other rows still reference); the parent's AUTO_INCREMENT is moved past them, as if the
  parent had been created and then deleted with foreign-key checks off, so no later insert (nor
  `magento-store simulate`) ever reuses them.
* non_numeric_eav: multiselect values are comma-separated option ids that downstream models
  split and resolve against eav_attribute_option; the token (`abc`, `n/a`, a label) is not one.
* overlong_value: `country_id` is varchar(255) in customer_address_entity, but Magento means a
  2-letter ISO code (directory_country, sales_order_address.country_id varchar(2)).

Modules: `corpus.py` (kinds, options, `inject`, the manifest), `planner.py` (what a kind may
touch), `values.py` and `integrity.py` (the kinds).
"""

from __future__ import annotations

from .corpus import (
    ANOMALY_TABLE,
    DEFAULT_COUNT,
    KINDS,
    MAX_COUNT,
    Anomaly,
    Injected,
    check_options,
    default_manifest,
    inject,
    parse_kinds,
    write_manifest,
)

__all__ = [
    "ANOMALY_TABLE",
    "DEFAULT_COUNT",
    "KINDS",
    "MAX_COUNT",
    "Anomaly",
    "Injected",
    "check_options",
    "default_manifest",
    "inject",
    "parse_kinds",
    "write_manifest",
]
