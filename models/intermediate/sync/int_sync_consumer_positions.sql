{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false,
        on_schema_change='append_new_columns',
    )
}}

-- Where each incremental consumer of the change feed is: the feed position (logged_at) up to
-- which it has recomputed its affected entities, and the code that did it (sync_code_version).
-- The model only creates the table; each consumer writes its own row in a post-hook
-- (sync_record_position), inside the transaction of its build, so a failed build leaves its
-- position, and the next run recomputes what it missed.

with

positions as (

    select
        cast(null as text) as consumer,
        cast(null as timestamptz) as processed_through,
        cast(null as text) as code_version,
        cast(null as timestamptz) as recorded_at
    where false

)

select * from positions
