"""The magento-singer-repair mapper: what Postgres cannot store is repaired and recorded."""

from __future__ import annotations

import io
import json

import magento_singer_repair as mapper

SCHEMA = {
    "type": "SCHEMA",
    "stream": "db-customer_entity",
    "schema": {
        "properties": {
            "entity_id": {"type": ["integer"]},
            "dob": {"type": ["null", "string"], "format": "date-time"},
            "note": {"type": ["null", "string"]},
        }
    },
    "key_properties": ["entity_id"],
}


def run(*records: dict) -> list[dict]:
    lines = [json.dumps(SCHEMA) + "\n"]
    lines += [
        json.dumps({"type": "RECORD", "stream": "db-customer_entity", "record": r}) + "\n"
        for r in records
    ]
    lines.append(json.dumps({"type": "STATE", "value": {"bookmarks": {}}}) + "\n")
    out = io.StringIO()
    mapper.process(lines, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_schema_gains_the_repairs_column_and_other_messages_pass() -> None:
    schema, state = run()
    assert schema["schema"]["properties"]["_mg_repairs"] == {"type": ["null", "object"]}
    assert state == {"type": "STATE", "value": {"bookmarks": {}}}


def test_zero_and_impossible_dates_become_null_with_the_original_recorded() -> None:
    _, zero, impossible, valid, _ = run(
        {"entity_id": 1, "dob": "0000-00-00", "note": None},
        {"entity_id": 2, "dob": "2021-02-30 10:00:00", "note": None},
        {"entity_id": 3, "dob": "1980-05-01T00:00:00+00:00", "note": None},
    )
    assert zero["record"]["dob"] is None
    assert zero["record"]["_mg_repairs"]["dob"]["original"] == "0000-00-00"
    assert impossible["record"]["dob"] is None
    assert impossible["record"]["_mg_repairs"]["dob"]["reason"] == "invalid date -> NULL"
    assert valid["record"] == {"entity_id": 3, "dob": "1980-05-01T00:00:00+00:00", "note": None}


def test_nul_and_mojibake_are_repaired_but_emoji_and_accents_kept() -> None:
    _, nul, mojibake, emoji, _ = run(
        {"entity_id": 1, "dob": None, "note": "bad\x00byte"},
        {"entity_id": 2, "dob": None, "note": "MÃ¼nchen â€“ itâ€™s"},
        {"entity_id": 3, "dob": None, "note": "Große Freude ⭐ Dvořák"},
    )
    assert nul["record"]["note"] == "badbyte"
    assert nul["record"]["_mg_repairs"]["note"]["reason"] == "NUL removed"
    assert mojibake["record"]["note"] == "München – it’s"
    assert emoji["record"] == {"entity_id": 3, "dob": None, "note": "Große Freude ⭐ Dvořák"}


def test_numbers_of_a_repaired_record_keep_their_text() -> None:
    # tap-mysql writes decimals with their scale; a float round trip would turn 49.2600 into 49.26
    lines = [json.dumps(SCHEMA) + "\n"]
    lines.append(
        '{"type": "RECORD", "stream": "db-customer_entity", "record": '
        '{"entity_id": 1, "dob": "0000-00-00", "note": null, "total": 49.2600, "big": 1e+20}}\n'
    )
    out = io.StringIO()
    mapper.process(lines, out)
    repaired = out.getvalue().splitlines()[1]
    assert '"total": 49.2600' in repaired
    assert '"big": 1e+20' in repaired
    assert json.loads(repaired)["record"]["dob"] is None
