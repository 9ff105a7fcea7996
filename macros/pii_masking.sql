{#
    PII masking for non-production copies (DECISIONS.md, "Least privilege and PII").

    The dbt target `prod` keeps every value; every other target (dev, ci, ...) replaces personal
    data in the service tables (and in migration.quarantine / migration.repairs, which carry source
    values) with a deterministic mask: the same input always gives the same mask, so joins, unique
    keys and reference tests hold on a masked copy, and distinct inputs give distinct masks.

    A mask is md5(<salt> || value), the salt being the project's `uuid_namespace` var: set your own
    (as for the UUIDs) and a masked e-mail cannot be reversed by hashing guessed addresses.

    One macro per kind of value, each a no-op in `prod`:
      mask_email(column)  -> '<32 hex>@example.invalid' of lower(trim(email)): valid, unique
      mask_text(column)   -> 'masked-<16 hex>' (names, phones, streets, postcodes, tax ids, notes)
      mask_date(column)   -> a day of 1900, never a living customer's birth date (dob)
      mask_ip(column)     -> '10.x.y.z' (remote IPs)
      mask_json(column)   -> the same JSON with every string leaf masked as mask_text, except the
                             values of keys named like ids (not vat_id, payer_id), codes,
                             states, types and timestamps
    `force=true` masks whatever the target (mask_jsonb uses it; the unit tests in
    models/marts/_marts__unit_tests.yml override mask_pii instead). NULL stays NULL, an
    empty string stays empty.
#}

{# True when the current target must not see personal data: every target but `prod`. #}
{% macro mask_pii() -%}
    {{ return(target.name != 'prod') }}
{%- endmacro %}


{% macro mask_salt() -%}
    '{{ var("uuid_namespace") }}'
{%- endmacro %}


{% macro mask_email(column, force=false) -%}
    {%- if force or mask_pii() -%}
        case
            when ({{ column }}) is null then null
            else md5({{ mask_salt() }} || lower(trim(({{ column }})))) || '@example.invalid'
        end
    {%- else -%}
        {{ column }}
    {%- endif -%}
{%- endmacro %}


{% macro mask_text(column, force=false, salt=none) -%}
    {%- if force or mask_pii() -%}
        case
            when ({{ column }}) is null or ({{ column }}) = '' then ({{ column }})
            else 'masked-' || left(md5({{ salt or mask_salt() }} || ({{ column }})), 16)
        end
    {%- else -%}
        {{ column }}
    {%- endif -%}
{%- endmacro %}


{% macro mask_date(column, force=false) -%}
    {%- if force or mask_pii() -%}
        cast(
            date '1900-01-01'
            + mod(('x' || left(md5({{ mask_salt() }} || cast({{ column }} as text)), 7))::bit(28)::int, 365)
            as date
        )
    {%- else -%}
        {{ column }}
    {%- endif -%}
{%- endmacro %}


{% macro mask_ip(column, force=false) -%}
    {%- if force or mask_pii() -%}
        case
            when ({{ column }}) is null or ({{ column }}) = '' then ({{ column }})
            else '10.' || array_to_string(array(
                select get_byte(decode(md5({{ mask_salt() }} || ({{ column }})), 'hex'), byte_number)
                from generate_series(0, 2) as byte_number
                order by byte_number
            ), '.')
        end
    {%- else -%}
        {{ column }}
    {%- endif -%}
{%- endmacro %}


{% macro mask_json(column, force=false) -%}
    {%- if force or mask_pii() -%}
        {{ target.schema }}.mask_jsonb({{ column }}, {{ mask_salt() }})
    {%- else -%}
        {{ column }}
    {%- endif -%}
{%- endmacro %}


{#
    on-run-start: the function behind mask_json, in the target schema (recursive, so plpgsql).
    Keys whose values stay readable: ids, codes, states, statuses, types, formats, currencies,
    quantities and timestamps (`*_at`); every other string is masked by mask_text. Numbers,
    booleans and nulls are kept.
#}
{% macro create_mask_jsonb() -%}
    {%- set kept_keys = '(^|_)(id|ids|code|codes|state|status|type|format|currency|qty|at|count)$' -%}
    {#- ids that name a person: a VAT number, a PayPal payer -#}
    {%- set personal_ids = '(^|_)(vat|payer)_id$' -%}
    create schema if not exists {{ target.schema }};
    create or replace function {{ target.schema }}.mask_jsonb(value jsonb, salt text) returns jsonb
    language plpgsql immutable parallel safe
    as $fn$
    declare
        masked jsonb;
    begin
        case jsonb_typeof(value)
            when 'object' then
                select coalesce(jsonb_object_agg(
                    entry.key,
                    case
                        when entry.key ~ '{{ kept_keys }}'
                            and entry.key !~ '{{ personal_ids }}'
                            and jsonb_typeof(entry.value) not in ('object', 'array')
                            then entry.value
                        else {{ target.schema }}.mask_jsonb(entry.value, salt)
                    end
                ), '{}'::jsonb)
                into masked
                from jsonb_each(value) as entry;
                return masked;
            when 'array' then
                select coalesce(jsonb_agg({{ target.schema }}.mask_jsonb(element.value, salt)
                    order by element.position), '[]'::jsonb)
                into masked
                from jsonb_array_elements(value) with ordinality as element (value, position);
                return masked;
            when 'string' then
                if value #>> '{}' = '' then
                    return value;
                end if;
                return to_jsonb({{ mask_text("(value #>> '{}')", force=true, salt='salt') }});
            else
                return value;
        end case;
    end;
    $fn$
{%- endmacro %}


{#
    A warehouse keeps the masking it was built with: on-run-end records it (the target schema's
    `pii_masking` table), on-run-start refuses a run that would flip it, so a `make sync` (target
    `prod` by default) cannot write real values into a copy built masked, nor a `dev` run mask a
    production warehouse. `--vars '{allow_pii_masking_change: true}'` flips it on purpose.
#}
{% macro check_pii_masking_unchanged() -%}
    {%- if execute and not var('allow_pii_masking_change', false) -%}
        {%- set recorded = adapter.get_relation(
            database=target.database, schema=target.schema, identifier='pii_masking'
        ) -%}
        {%- if recorded -%}
            {%- set rows = run_query('select masked, target_name from ' ~ recorded).rows -%}
            {%- if rows and rows[0][0] != mask_pii() -%}
                {{ exceptions.raise_compiler_error(
                    'this warehouse was built with dbt target ' ~ rows[0][1]
                    ~ (' (personal data masked)' if rows[0][0] else ' (real values)')
                    ~ ' and target ' ~ target.name ~ (' masks' if mask_pii() else ' does not mask')
                    ~ ': set DBT_TARGET=' ~ rows[0][1] ~ ', or pass --vars'
                    ~ ' \'{allow_pii_masking_change: true}\' and rebuild everything'
                ) }}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
    select 1
{%- endmacro %}


{% macro record_pii_masking() -%}
    create table if not exists {{ target.schema }}.pii_masking (
        masked boolean not null,
        target_name text not null,
        recorded_at timestamptz not null
    );
    delete from {{ target.schema }}.pii_masking;
    insert into {{ target.schema }}.pii_masking
    values ({{ mask_pii() }}, '{{ target.name }}', now())
{%- endmacro %}
