{#
    Continuous sync until cut-over, the change feed (int_source_changes): per raw table, what
    changed since the table's watermark (the latest change the feed logged for it), per entity.
    A sync cycle upserts changed raw rows (soft deletes included, each with a fresh
    _sdc_extracted_at or a new _sdc_deleted_at), then runs `dbt build`; every incremental model
    must then hold exactly what a from-scratch build would. Its readers: macros/sync/consumer.sql.
#}


{# The run's timestamp: logged_at of the feed, _synced_at of the rows a run writes. #}
{% macro sync_run_timestamp() -%}
    cast('{{ run_started_at.isoformat() }}' as timestamptz)
{%- endmacro %}


{#
    The changed rows of one raw table, per entity: the one place that reads soft-deleted raw rows.
    A row changed when greatest(_sdc_extracted_at, _sdc_deleted_at) is later than the table's
    watermark (the latest change the feed logged for it): upserts get a fresh _sdc_extracted_at,
    binlog deletes and the FK-action emulation a fresh _sdc_extracted_at too, and deletions found
    by ACTIVATE_VERSION (full-table syncs) only a new _sdc_deleted_at. On Adobe Commerce, a
    version whose start or end passed since is a change of its entity although no row changed,
    and a row_id-keyed row belongs to its version's entity (magento_staging_changes). Returns
    nothing when the raw table does not exist (Adobe Commerce tables on Open Source) or has no _sdc_extracted_at.

    Columns: source_table, entity_type, entity_id, is_deleted, row_count, extracted_at,
    deleted_at, changed_at, is_table_total (the row totals every changed row of the table; there
    is always one, even for an empty table), has_watermark (the feed knows the table),
    has_unchanged_live_rows (some live row is not newer than the watermark; false when every
    live row was re-extracted). `raw_columns` and `entity_keys` are magento_raw_columns() and
    sync_entity_keys(), which the feed reads once for every table; `watermarks` is
    sync_feed_watermarks(), none on the feed's first build, which needs only the totals.
#}
{% macro magento_source_changes(table_name, raw_columns, entity_keys, watermarks=none) -%}
    {%- set relation = source('magento', table_name) -%}
    {%- set columns = raw_columns.get(table_name | lower, []) -%}
    {%- if '_sdc_extracted_at' not in columns -%}
        {{ return('') }}
    {%- endif -%}
    {%- set entity = entity_keys.get(table_name) -%}
    {%- set extracted = 'cast(raw_rows._sdc_extracted_at as timestamp)' -%}
    {%- if '_sdc_deleted_at' in columns -%}
        {%- set deleted = 'cast(raw_rows._sdc_deleted_at as timestamp)' -%}
    {%- else -%}
        {%- set deleted = 'cast(null as timestamp)' -%}
    {%- endif -%}
    {%- set staging = magento_staging_changes(table_name, raw_columns) -%}
    {%- if entity is not none and staging.entity_id is not none -%}
        {#- Commerce: a row_id-keyed row belongs to the entity of its version -#}
        {%- set entity_id = staging.entity_id -%}
    {%- elif entity is not none and entity.key in columns -%}
        {%- set entity_id = 'cast(raw_rows.' ~ adapter.quote(entity.key) ~ ' as bigint)' -%}
    {%- else -%}
        {%- set entity_id = 'cast(null as bigint)' -%}
    {%- endif -%}
    {#- when the row changed; on Commerce, a version's start or end that passed is a change too -#}
    {%- set changed = 'greatest(' ~ ([extracted, deleted] + staging.passed) | join(', ') ~ ')' -%}
    {%- set watermark = (watermarks or {}).get(table_name, 'cast(null as timestamp)') -%}
    select
        '{{ table_name }}' as source_table,
        {%- if entity is not none %}
        '{{ entity.entity_type }}' as entity_type,
        {%- else %}
        cast(null as text) as entity_type,
        {%- endif %}
        {%- if watermarks is none %}
        cast(null as bigint) as entity_id,
        false as is_deleted,
        {%- else %}
        {{ entity_id }} as entity_id,
        {{ deleted }} is not null as is_deleted,
        {%- endif %}
        count(*) as row_count,
        max({{ extracted }}) at time zone 'UTC' as extracted_at,
        max({{ deleted }}) at time zone 'UTC' as deleted_at,
        max({{ changed }}) at time zone 'UTC' as changed_at,
        {%- if watermarks is none %}
        true as is_table_total,
        false as has_watermark,
        false as has_unchanged_live_rows
        {%- else %}
        grouping({{ entity_id }}, {{ deleted }} is not null) = 3 as is_table_total,
        {{ watermark }} is not null as has_watermark,
        exists (
            select 1
            from {{ relation }} as unchanged_rows
            where
                {{ deleted | replace('raw_rows.', 'unchanged_rows.') }} is null
                and greatest(
                    {{ extracted | replace('raw_rows.', 'unchanged_rows.') }},
                    {{ deleted | replace('raw_rows.', 'unchanged_rows.') }}
                ) <= {{ watermark }}
        ) as has_unchanged_live_rows
        {%- endif %}
    from {{ relation }} as raw_rows
    {{ staging.join }}
    {%- if watermarks is not none %}
    where {{ changed }} > coalesce({{ watermark }}, '-infinity')
    group by grouping sets (({{ entity_id }}, {{ deleted }} is not null), ())
    {%- endif %}
{%- endmacro %}


{#
    Each table's watermark in the feed (the latest change time it logged for the table), as SQL
    literals: {table: "cast('...' as timestamp)"}, read when the feed compiles, so that each
    table's query compares its change time with a constant, which the planner estimates and reads
    from the raw table's change-time index (raw_layer.index_change_times); against a subquery it
    assumes a third of the rows and, unless the index is well correlated, scans the table. The
    feed is its only writer, so the value read is the one the query would read. None while
    parsing.
#}
{% macro sync_feed_watermarks(feed) -%}
    {%- set watermarks = {} -%}
    {%- if execute -%}
        {%- set listing -%}
            select
                source_table,
                format('cast(%L as timestamp)', max(changed_at) at time zone 'UTC') as watermark
            from {{ feed }}
            group by source_table
        {%- endset -%}
        {%- for row in run_query(listing).rows -%}
            {%- do watermarks.update({row[0]: row[1]}) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(watermarks) }}
{%- endmacro %}


{#
    Post-hook of the change feed: drop entries older than var sync_feed_retention_days, except
    each table's latest (its watermark). A consumer whose position is older than the retention
    recomputes everything (int_sync_plans), so pruning never loses a change it has not read.
#}
{% macro sync_prune_changes() -%}
    {%- if is_incremental() -%}
    delete from {{ this }} as logged_change
    where
        logged_change.logged_at
        < now() - interval '{{ var("sync_feed_retention_days") | int }} days'
        and logged_change.changed_at < (
            select max(latest.changed_at)
            from {{ this }} as latest
            where latest.source_table = logged_change.source_table
        )
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}
