{# Magento joins multi-line streets with a newline; the services get a JSON array of lines. #}
{% macro street_lines(column) -%}
    case
        when {{ column }} is null then null
        else to_jsonb(string_to_array(replace({{ column }}, E'\r\n', E'\n'), E'\n'))
    end
{%- endmacro %}
