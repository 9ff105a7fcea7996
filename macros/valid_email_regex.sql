{# A pragmatic email check: something@domain.tld, no spaces, one @. #}
{% macro valid_email_regex() -%}
    ^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$
{%- endmacro %}
