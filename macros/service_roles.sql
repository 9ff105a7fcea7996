{#
    Least privilege in the warehouse (DECISIONS.md, "Least privilege and PII").

    One role per service, `<service schema>_reader` (prefixed by WAREHOUSE_ROLE_PREFIX when set),
    named in the `grants` config of the service's folder in dbt_project.yml: dbt grants it SELECT
    on every table of the service each time it builds one. These hooks do the rest:
      on-run-start  create_service_roles(): creates the roles the grants name, NOLOGIN, when
                    missing (roles are cluster-wide: warehouses on one server share them);
      on-run-end    grant_service_access(): USAGE on each service schema to its reader; PUBLIC
                    loses every privilege on the other schemas (raw layer, staging,
                    intermediate, migration) and on the database, which only the readers (and
                    the migration role, the owner of everything) may connect to.
#}

{# {schema: [roles]} of the models whose grants give SELECT, read from the graph. #}
{% macro service_reader_roles() -%}
    {%- set readers = {} -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() if node.resource_type == 'model' -%}
            {%- for role in (node.config.get('grants') or {}).get('select', []) -%}
                {%- if role not in readers.setdefault(node.schema, []) -%}
                    {%- do readers[node.schema].append(role) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(readers) }}
{%- endmacro %}


{# Every schema the project writes or reads that is not a service schema. #}
{% macro private_schemas() -%}
    {%- set readers = service_reader_roles() -%}
    {#- `meltano`: the migration's sync state (magento_migration.state) -#}
    {%- set schemas = [target.schema, 'meltano'] -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() | list + graph.sources.values() | list -%}
            {%- if node.schema not in readers and node.schema not in schemas -%}
                {%- do schemas.append(node.schema) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(schemas) }}
{%- endmacro %}


{% macro create_service_roles() -%}
    {%- set roles = [] -%}
    {%- for schema_roles in service_reader_roles().values() -%}
        {%- for role in schema_roles if role not in roles -%}
            {%- do roles.append(role) -%}
        {%- endfor -%}
    {%- endfor -%}
    do $do$
    begin
        {%- for role in roles | sort %}
        if not exists (select 1 from pg_roles where rolname = '{{ role }}') then
            begin
                create role {{ adapter.quote(role) }} nologin;
            exception
                -- another warehouse's run created it at the same moment
                when duplicate_object or unique_violation then null;
            end;
        end if;
        {%- endfor %}
        null;
    end
    $do$
{%- endmacro %}


{% macro grant_service_access() -%}
    {%- set readers = service_reader_roles() -%}
    do $do$
    begin
        {%- for schema, roles in readers.items() | sort %}
        if exists (select 1 from pg_namespace where nspname = '{{ schema }}') then
            revoke all on schema {{ adapter.quote(schema) }} from public;
            {%- for role in roles %}
            grant usage on schema {{ adapter.quote(schema) }} to {{ adapter.quote(role) }};
            {%- endfor %}
        end if;
        {%- endfor %}
        {%- for schema in private_schemas() | sort %}
        if exists (select 1 from pg_namespace where nspname = '{{ schema }}') then
            revoke all on schema {{ adapter.quote(schema) }} from public;
            revoke all on all tables in schema {{ adapter.quote(schema) }} from public;
            revoke all on all sequences in schema {{ adapter.quote(schema) }} from public;
            revoke all on all functions in schema {{ adapter.quote(schema) }} from public;
        end if;
        {%- endfor %}
        execute format('revoke all on database %I from public', current_database());
        {%- for schema, roles in readers.items() | sort %}
        {%- for role in roles %}
        execute format('grant connect on database %I to %I', current_database(), '{{ role }}');
        {%- endfor %}
        {%- endfor %}
    end
    $do$
{%- endmacro %}
