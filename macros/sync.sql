{#
    Continuous sync until cut-over: the change feed, the incremental models that read it, and the
    `sync` incremental strategy. A sync cycle upserts changed raw rows (soft deletes included,
    each with a fresh _sdc_extracted_at or a new _sdc_deleted_at), then runs `dbt build`; every
    incremental model must then hold exactly what a from-scratch build would.

    int_source_changes      the change feed: per raw table, what changed since the table's
                            watermark (the latest change the feed logged for it), per entity.
    int_sync_plans          per incremental EAV consumer: recompute everything, or only the
                            entities the feed logged since the consumer's own position?
    int_sync_affected_ids   the entities each consumer recomputes.
    int_sync_consumer_positions  where each consumer is in the feed (written by its post-hook,
                            in the same transaction as its data).
#}


{#
    The incremental models that recompute only affected entities ("consumers" of the feed), the
    entity type they are keyed by and every raw table whose change affects an entity of theirs
    (besides the metadata tables, which affect all).
#}
{% macro sync_consumers() -%}
    {%- set product_tables = sync_eav_tables('catalog_product_entity') -%}
    {%- set category_tables = sync_eav_tables('catalog_category_entity') -%}
    {{ return({
        'int_product_store_values_resolved': {'entity_type': 'product', 'tables': product_tables},
        'int_products_pivoted': {'entity_type': 'product', 'tables': product_tables},
        'product_localizations': {
            'entity_type': 'product',
            'tables': product_tables + ['catalog_product_website'],
        },
        'int_category_store_values_resolved': {'entity_type': 'category', 'tables': category_tables},
        'int_categories_pivoted': {'entity_type': 'category', 'tables': category_tables},
        'int_customers_pivoted': {
            'entity_type': 'customer', 'tables': sync_eav_tables('customer_entity'),
        },
        'int_customer_addresses_pivoted': {
            'entity_type': 'customer_address', 'tables': sync_eav_tables('customer_address_entity'),
        },
    }) }}
{%- endmacro %}


{# The (consumer, source_table) pairs of sync_consumers(), as a union of selects. #}
{% macro sync_consumer_tables() -%}
    {%- set consumers = sync_consumers() -%}
    {%- for consumer, spec in consumers.items() %}
    {%- set outer_loop = loop %}
    {%- for table in spec.tables %}
    select
        '{{ consumer }}' as consumer,
        '{{ table }}' as source_table
    {%- if not (loop.last and outer_loop.last) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}
{%- endmacro %}


{#
    The code version of a consumer: a hash of the SQL of every model in its lineage (the model
    and all its ancestors), of every macro they call (transitively) and of the declared columns
    of the sources they read. Recorded with the consumer's position; when it changes (a deploy
    changed how the consumer, or anything it reads, computes), the next run recomputes every
    entity, as incremental results computed by the old code must not survive. The var
    sync_pinned_code_version replaces it (unit tests).
#}
{% macro sync_code_version(unique_id) -%}
    {%- if var('sync_pinned_code_version', none) is not none -%}
        {{ return(var('sync_pinned_code_version')) }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set seen = {} -%}
    {%- do sync_collect_code(unique_id, seen) -%}
    {%- set parts = [] -%}
    {%- for key, value in seen | dictsort -%}
        {%- do parts.append(key ~ '=' ~ value) -%}
    {%- endfor -%}
    {{ return(local_md5(parts | join('|'))) }}
{%- endmacro %}


{# sync_code_version's walk: adds `unique_id` and its ancestors/macros to `seen`. #}
{% macro sync_collect_code(unique_id, seen) -%}
    {%- if unique_id in seen -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if unique_id.startswith('macro.') -%}
        {#- the graph has no macros: the macro's node comes from its generator in the context -#}
        {%- set generator = context.get(unique_id.split('.')[-1]) -%}
        {%- set macro_node = generator.macro if generator is not none and generator.macro is defined else none -%}
        {%- do seen.update({unique_id: local_md5(macro_node.macro_sql if macro_node else '')}) -%}
        {%- for parent in (macro_node.depends_on.macros if macro_node else []) -%}
            {%- do sync_collect_code(parent, seen) -%}
        {%- endfor -%}
    {%- elif unique_id.startswith('source.') -%}
        {%- set source_node = graph.sources.get(unique_id) -%}
        {%- do seen.update({unique_id: local_md5(tojson(source_node.columns if source_node else {}))}) -%}
    {%- else -%}
        {%- set node = graph.nodes.get(unique_id) -%}
        {%- do seen.update({unique_id: node.checksum.checksum if node else ''}) -%}
        {%- if node -%}
            {%- for parent in node.depends_on.nodes + node.depends_on.macros -%}
                {%- do sync_collect_code(parent, seen) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}


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
    live row was re-extracted). `watermarks` is the feed itself; none on its first build, which
    needs only the totals.
#}
{% macro magento_source_changes(table_name, watermarks=none) -%}
    {%- set source_relation = source('magento', table_name) -%}
    {%- set relation = adapter.get_relation(
        database=source_relation.database,
        schema=source_relation.schema,
        identifier=source_relation.identifier,
    ) if execute else none -%}
    {%- set raw_columns = [] -%}
    {%- if relation is not none -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- do raw_columns.append(column.name | lower) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if relation is none or '_sdc_extracted_at' not in raw_columns -%}
        {{ return('') }}
    {%- endif -%}
    {%- set entity = sync_entity_keys().get(table_name) -%}
    {%- set extracted = 'cast(raw_rows._sdc_extracted_at as timestamp)' -%}
    {%- if '_sdc_deleted_at' in raw_columns -%}
        {%- set deleted = 'cast(raw_rows._sdc_deleted_at as timestamp)' -%}
    {%- else -%}
        {%- set deleted = 'cast(null as timestamp)' -%}
    {%- endif -%}
    {%- set staging = magento_staging_changes(table_name) -%}
    {%- if entity is not none and staging.entity_id is not none -%}
        {#- Commerce: a row_id-keyed row belongs to the entity of its version -#}
        {%- set entity_id = staging.entity_id -%}
    {%- elif entity is not none and entity.key in raw_columns -%}
        {%- set entity_id = 'cast(raw_rows.' ~ adapter.quote(entity.key) ~ ' as bigint)' -%}
    {%- else -%}
        {%- set entity_id = 'cast(null as bigint)' -%}
    {%- endif -%}
    {#- when the row changed; on Commerce, a version's start or end that passed is a change too -#}
    {%- set changed = 'greatest(' ~ ([extracted, deleted] + staging.passed) | join(', ') ~ ')' -%}
    {%- if watermarks is none -%}
        {%- set watermark = 'cast(null as timestamp)' -%}
    {%- else -%}
        {%- set watermark -%}
            (select max(logged_change.changed_at) from {{ watermarks }} as logged_change where logged_change.source_table = '{{ table_name }}') at time zone 'UTC'
        {%- endset -%}
    {%- endif -%}
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
    The entities the incremental consumer being built recomputes this run, as a SQL array of
    constants (`cast('{1,2,3}' as bigint[])`), or none when it recomputes every entity:
    int_sync_plans.recompute_all, the plan cannot be read (recomputing everything is always
    correct, only slower), or more than var sync_max_affected_ids entities are affected (then a
    full recompute is about as cheap). A constant array lets Postgres filter every value table
    at its scan (a hashed `= any`), instead of joining a subquery late.
#}
{% macro sync_affected_ids() -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set plans = ref('int_sync_plans') -%}
    {%- set affected = ref('int_sync_affected_ids') -%}
    {%- for relation in [plans, affected] -%}
        {%- if adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) is none -%}
            {{ return(none) }}
        {%- endif -%}
    {%- endfor -%}
    {%- set plan = run_query(
        "select recompute_all from " ~ plans ~ " where consumer = '" ~ this.identifier ~ "'"
    ) -%}
    {%- if plan.rows | length == 0 or plan.rows[0][0] is none or plan.rows[0][0] -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set ids = run_query(
        "select count(*), coalesce(string_agg(cast(entity_id as text), ',' order by entity_id), '')"
        ~ " from " ~ affected ~ " where consumer = '" ~ this.identifier ~ "'"
    ) -%}
    {%- if ids.rows[0][0] > var('sync_max_affected_ids') | int -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return("cast('{" ~ ids.rows[0][1] ~ "}' as bigint[])") }}
{%- endmacro %}


{#
    The filter of an incremental consumer's inputs: `<keyword> <column> = any(<affected ids>)` on
    an incremental run that does not recompute everything, nothing otherwise (first build, full
    refresh, metadata change, ...).
#}
{% macro sync_affected_filter(column, keyword='where') -%}
    {%- if is_incremental() -%}
        {%- set ids = sync_affected_ids() -%}
        {%- if ids is not none -%}
            {{ keyword }} {{ column }} = any({{ ids }})
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}


{#
    Post-hook of every consumer: it has now processed the feed up to the plan's feed_position,
    with the code of this run (sync_code_version). Runs in the model's transaction, so a failed
    build does not move the position.
#}
{% macro sync_record_position() -%}
    insert into {{ ref('int_sync_consumer_positions') }}
        (consumer, processed_through, code_version, recorded_at)
    select
        plans.consumer,
        plans.feed_position,
        '{{ sync_code_version(model.unique_id) }}',
        now()
    from {{ ref('int_sync_plans') }} as plans
    where plans.consumer = '{{ this.identifier }}' and plans.feed_position is not null
    on conflict (consumer) do update
        set
            processed_through = excluded.processed_through,
            code_version = excluded.code_version,
            recorded_at = excluded.recorded_at
{%- endmacro %}


{#
    The `sync` incremental strategy. The model's SQL returns the rows the table must hold
    (all of them, or on a consumer's incremental run those of the affected entities), in a
    temporary table; then:

    sync_mode 'diff' (service tables; needs unique_key):
        1. delete the target rows whose key the model no longer returns (deleted in Magento, now
           quarantined or excluded), within the scope; in-service foreign keys cascade;
        2. update in place the rows whose content differs (never delete + insert: that would
           cascade to the children), comparing every column but `sync_ignore_columns`
           (default `_synced_at`, the run that last wrote the row);
        3. insert the new rows.
        Unchanged rows are not touched.
    sync_mode 'replace' (intermediate EAV tables): delete the rows in scope, insert the model's
    rows.

    The scope is every row, except on a consumer's (config `sync_scope_key`: the column holding
    the consumer's entity id) incremental run that does not recompute everything: the rows of the
    affected entities.
#}
{% macro get_incremental_sync_sql(arg_dict) -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set temp = arg_dict['temp_relation'] -%}
    {%- set unique_key = arg_dict['unique_key'] -%}
    {%- set keys = [unique_key] if unique_key is string else (unique_key or []) -%}
    {%- set mode = config.get('sync_mode', 'diff') -%}
    {%- set ignored = config.get('sync_ignore_columns', ['_synced_at']) -%}
    {#- numeric(p,s) columns of the target: the model's value is compared as stored -#}
    {%- set target_types = {} -%}
    {%- for column in adapter.get_columns_in_relation(target) -%}
        {%- if column.data_type.startswith('numeric(') -%}
            {%- do target_types.update({column.name: column.data_type}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set columns = [] -%}
    {%- set compared = [] -%}
    {%- for column in arg_dict['dest_columns'] -%}
        {%- set quoted = adapter.quote(column.name) -%}
        {%- do columns.append(quoted) -%}
        {%- if column.name not in ignored -%}
            {%- if column.name in target_types -%}
                {%- do compared.append(('target_row.' ~ quoted, 'cast(source_row.' ~ quoted ~ ' as ' ~ target_types[column.name] ~ ')')) -%}
            {%- else -%}
                {%- do compared.append(('target_row.' ~ quoted, 'source_row.' ~ quoted)) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set scope_key = config.get('sync_scope_key') -%}
    {%- set scope = none -%}
    {%- if scope_key -%}
        {%- set ids = sync_affected_ids() -%}
        {%- if ids is not none -%}
            {%- set scope = 'target_row.' ~ adapter.quote(scope_key) ~ ' = any(' ~ ids ~ ')' -%}
        {%- endif -%}
    {%- endif -%}
    {%- if mode == 'replace' -%}
    delete from {{ target }} as target_row
    {%- if scope %}
    where {{ scope }}
    {%- endif %};
    insert into {{ target }} ({{ columns | join(', ') }})
    select {{ columns | join(', ') }}
    from {{ temp }};
    {%- elif mode == 'diff' -%}
    {%- if not keys -%}
        {{ exceptions.raise_compiler_error("incremental_strategy 'sync' (diff) needs a unique_key: " ~ this) }}
    {%- endif -%}
    {%- set key_match -%}
        {%- for key in keys -%}
            {{ ' and ' if not loop.first }}source_row.{{ adapter.quote(key) }} = target_row.{{ adapter.quote(key) }}
        {%- endfor -%}
    {%- endset %}
    delete from {{ target }} as target_row
    where
        {%- if scope %}
        {{ scope }} and
        {%- endif %}
        not exists (select 1 from {{ temp }} as source_row where {{ key_match }});
    update {{ target }} as target_row
    set
        {%- for column in columns %}
        {{ column }} = source_row.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ temp }} as source_row
    where
        {{ key_match }}
        and (
            {%- for target_value, source_value in compared %}
            {{ target_value }}{{ ',' if not loop.last }}
            {%- endfor %}
        ) is distinct from (
            {%- for target_value, source_value in compared %}
            {{ source_value }}{{ ',' if not loop.last }}
            {%- endfor %}
        );
    insert into {{ target }} ({{ columns | join(', ') }})
    select {{ columns | join(', ') }}
    from {{ temp }} as source_row
    where not exists (select 1 from {{ target }} as target_row where {{ key_match }});
    {%- else -%}
        {{ exceptions.raise_compiler_error("unknown sync_mode '" ~ mode ~ "' on " ~ this) }}
    {%- endif -%}
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
