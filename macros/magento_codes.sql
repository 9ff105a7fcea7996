{# Magento's enumerations as readable codes; an unknown code is kept as 'unknown_<code>'. #}

{% macro newsletter_status(column) -%}
    case {{ column }}
        when 1 then 'subscribed'
        when 2 then 'not_active'
        when 3 then 'unsubscribed'
        when 4 then 'unconfirmed'
        else 'unknown_' || {{ column }}
    end
{%- endmacro %}
