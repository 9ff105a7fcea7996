{#
    The incremental models that recompute only the entities the change feed marks affected
    ("consumers" of the feed, macros/sync/feed.sql):

    sync_consumer           the one declaration of a consumer, at the top of its model.
    sync_consumers          every consumer, found in the graph by that declaration.
    int_sync_plans          per consumer: recompute everything, or only the entities the feed
                            logged since the consumer's own position?
    int_sync_affected_ids   the entities each consumer recomputes.
    int_sync_consumer_positions  where each consumer is in the feed (written by its post-hook,
                            sync_record_position, in the same transaction as its data).
#}


{#
    Declares the model an incremental consumer of the change feed, keyed by Magento entities of
    `entity_type` (as in sync_entity_keys): its config (strategy `sync`, `sync_mode` 'replace'
    for intermediate EAV tables or 'diff' for service tables, `scope_key` the column holding the
    entity id, the post-hook that records its feed position; logged, as its rows are history, not
    rebuilt each run) and its dependencies on the sync's
    plan tables, which its SQL reads at compile time only. `tables`: raw tables besides the
    entity type's EAV tables whose change affects an entity (e.g. product websites). The
    declaration is kept in the model's meta (`sync_consumer`), where sync_consumers() finds it.
#}
{% macro sync_consumer(
    entity_type,
    scope_key,
    mode='replace',
    unique_key=none,
    indexes=none,
    on_schema_change='fail',
    tables=[]
) -%}
    {%- set settings = {
        'materialized': 'incremental',
        'incremental_strategy': 'sync',
        'sync_mode': mode,
        'sync_scope_key': scope_key,
        'on_schema_change': on_schema_change,
        'unlogged': false,
        'post_hook': ['{{ sync_record_position() }}'],
        'meta': {'sync_consumer': {'entity_type': entity_type, 'tables': tables}},
    } -%}
    {%- if unique_key is not none -%}
        {%- do settings.update({'unique_key': unique_key}) -%}
    {%- endif -%}
    {%- if indexes is not none -%}
        {%- do settings.update({'indexes': indexes}) -%}
    {%- endif -%}
    {%- do config(settings) -%}
    {#- the plan tables are read at compile time only: these refs make them run first #}
-- sync consumer of {{ entity_type }}, planned by:
-- {{ ref('int_sync_plans') }}
-- {{ ref('int_sync_affected_ids') }}
-- {{ ref('int_sync_consumer_positions') }}
{%- endmacro %}


{#
    Every consumer (a model declared with sync_consumer), by name: the entity type it is keyed by
    and every raw table whose change affects an entity of its (the entity type's EAV tables and
    the declared extra tables; the metadata tables affect all). Empty while parsing.
#}
{% macro sync_consumers() -%}
    {%- set consumers = {} -%}
    {%- if not execute -%}
        {{ return(consumers) }}
    {%- endif -%}
    {%- set eav_tables = {} -%}
    {%- for table, entity_type in sync_eav_entity_tables().items() -%}
        {%- do eav_tables.update({entity_type: sync_eav_tables(table)}) -%}
    {%- endfor -%}
    {%- for node in graph.nodes.values() | selectattr('resource_type', 'equalto', 'model') | sort(attribute='name') -%}
        {%- set spec = (node.config.meta or {}).get('sync_consumer') -%}
        {%- if spec -%}
            {%- do consumers.update({node.name: {
                'entity_type': spec.entity_type,
                'tables': eav_tables.get(spec.entity_type, []) + spec.tables,
            }}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(consumers) }}
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
