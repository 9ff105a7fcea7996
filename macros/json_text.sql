{#
    Magento text columns that hold structured data: JSON since Magento 2.2, PHP serialize() before
    it (and still in some blobs, e.g. gateway transaction details). The services get jsonb when
    the text is valid JSON; otherwise NULL, with the raw text kept in a `<column>_raw` column and
    the format in `<column>_format`, so nothing is lost and nothing fails the build.

    Postgres 15 has no error-free cast to jsonb (pg_input_is_valid arrives in 16), so a small
    immutable function does it: `try_cast_jsonb(text)` in the target schema, created on demand by
    the pre-hook `create_try_cast_jsonb()` of the models that parse JSON.
#}

{% macro create_try_cast_jsonb() -%}
    do $do$
    begin
        if not exists (
            select 1
            from pg_proc
            inner join pg_namespace on pg_proc.pronamespace = pg_namespace.oid
            where
                pg_namespace.nspname = '{{ target.schema }}'
                and pg_proc.proname = 'try_cast_jsonb'
        ) then
            create schema if not exists {{ target.schema }};
            create function {{ target.schema }}.try_cast_jsonb(value text) returns jsonb
            -- parallel unsafe: an exception block is a subtransaction, which parallel workers
            -- cannot start
            -- strict: a NULL is NULL without a call (half the url_rewrite metadata on large)
            language plpgsql immutable strict parallel unsafe
            as $fn$
            begin
                return cast(value as jsonb);
            exception when others then
                return null;
            end;
            $fn$;
        elsif exists (
            select 1
            from pg_proc
            inner join pg_namespace on pg_proc.pronamespace = pg_namespace.oid
            where
                pg_namespace.nspname = '{{ target.schema }}'
                and pg_proc.proname = 'try_cast_jsonb'
                and (pg_proc.proparallel <> 'u' or not pg_proc.proisstrict)
        ) then
            alter function {{ target.schema }}.try_cast_jsonb(text) parallel unsafe strict;
        end if;
    exception
        -- another model created it at the same moment
        when duplicate_function or unique_violation then null;
    end
    $do$
{%- endmacro %}


{# The text as jsonb when it is valid JSON, else NULL (never an error). #}
{% macro json_or_null(column) -%}
    {{ target.schema }}.try_cast_jsonb({{ column }})
{%- endmacro %}


{# How a structured text column is stored: json, php_serialized, invalid, or NULL when empty. #}
{% macro serialized_format(column) -%}
    case
        when {{ column }} is null or trim({{ column }}) = '' then null
        when {{ json_or_null(column) }} is not null then 'json'
        when {{ column }} ~ '^(a|O|C):[0-9]+:|^s:[0-9]+:"|^[idb]:[^;]*;|^N;' then 'php_serialized'
        else 'invalid'
    end
{%- endmacro %}


{# The raw text, only when it could not be parsed as JSON (else NULL: the jsonb column holds it). #}
{% macro unparsed_text(column) -%}
    case
        when {{ json_or_null(column) }} is null and trim({{ column }}) <> '' then {{ column }}
    end
{%- endmacro %}
