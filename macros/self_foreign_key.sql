{#
    A foreign key from a table to itself (an order item's parent item, a transaction's parent
    transaction). A contract constraint `to: ref(<the model itself>)` would be a cycle in dbt's
    graph, so the key is added by a post-hook, which runs once the new table has its final name:
    Postgres then checks every parent reference of the built table.
#}
{% macro self_foreign_key(column, to_column='id') -%}
    alter table {{ this }}
        add foreign key ({{ column }}) references {{ this }} ({{ to_column }})
{%- endmacro %}
