"""Issue 5: a store full of dirty data migrates green, and every injected anomaly is accounted for:
quarantined with its reason, repaired or flagged in migration.repairs, or migrated as is."""

from __future__ import annotations

import pytest

from tests.conftest import Pipeline, generate_store
from tests.names import db_name


@pytest.fixture(scope="module")
def dirty_store(make_pipeline) -> Pipeline:
    run = make_pipeline(db_name("anomalies"), db_name("anomalies_wh"))
    generate_store(run.source.name, "--profile", "small", "--seed", "5", "--anomalies")
    run.extract_load()
    run.dbt_ok("build")  # green: every reconciliation test holds on dirty data
    return run


def anomalies(run: Pipeline) -> list[tuple[str, str, str, str]]:
    return run.source_query(
        "select kind, source_table, magento_id, expected_outcome from magento_store_anomalies"
    )


def test_every_kind_lands_where_expected(dirty_store: Pipeline) -> None:
    rows = anomalies(dirty_store)
    assert len({kind for kind, *_ in rows}) >= 15
    quarantined = {
        (table, str(magento_id)): reason
        for table, magento_id, reason in dirty_store.query(
            "select source_table, magento_id, reason from migration.quarantine"
        )
    }
    repaired = {
        (table, str(magento_id)): action
        for table, magento_id, action in dirty_store.query(
            "select source_table, magento_id, action from migration.repairs"
        )
    }
    misplaced = []
    for kind, table, magento_id, outcome in rows:
        key = (table, str(magento_id))
        if outcome == "quarantine":
            ok = bool(quarantined.get(key))
        elif outcome == "repair":
            ok = repaired.get(key) == "repaired" and key not in quarantined
        elif outcome == "flag":
            ok = repaired.get(key) == "flagged" and key not in quarantined
        else:  # migrate
            ok = key not in quarantined and key not in repaired
        if not ok:
            misplaced.append((kind, table, magento_id, outcome))
    assert misplaced == []


def test_repaired_values_reach_the_services(dirty_store: Pipeline) -> None:
    cities = {
        city
        for (city,) in dirty_store.query("select city from customer_service.customer_addresses")
    }
    assert not any("Ã" in city for city in cities if city)
    assert "Köln" in cities or "Saint-Étienne" in cities
    emoji = dirty_store.query(
        "select count(*) from catalog_service.products where name ~ '[\\U0001F300-\\U0001FAFF]'"
    )[0][0]
    assert emoji >= 1
    zero_dob = dirty_store.source_query(
        "select magento_id from magento_store_anomalies where kind = 'zero_date_dob'"
    )
    for (customer,) in zero_dob:
        (dob,) = dirty_store.query(
            "select dob from customer_service.customers where magento_id = %s", int(customer)
        )[0]
        assert dob is None


def test_quarantine_reasons_read_as_a_person_would(dirty_store: Pipeline) -> None:
    reasons = dict(
        dirty_store.query(
            "select source_table || ':' || magento_id, reason from migration.quarantine"
        )
    )
    for kind, table, magento_id, outcome in anomalies(dirty_store):
        if outcome != "quarantine":
            continue
        reason = reasons[f"{table}:{magento_id}"]
        assert len(reason) > 10, (kind, reason)
