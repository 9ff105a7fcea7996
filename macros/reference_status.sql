{#
    Why a reference to another migrated entity (a product, an order item) is or is not that
    entity's UUID. `referenced` is the alias of the referenced *_checked relation, left-joined on
    `foreign_key`:

    - 'linked'                  the entity is migrated; the reference is its UUID
    - 'not_set'                 Magento has no id in the row
    - `missing_value`           the id points at a row that no longer exists in Magento
                                (e.g. 'deleted_product': sales_order_item.product_id has no FK)
    - 'quarantined' / 'before_migration_start'  the entity exists but was not migrated

    Only 'linked' rows carry the UUID: a reference never points at a row the service lacks.
#}
{% macro reference_status(foreign_key, referenced, missing_value) -%}
    case
        when {{ foreign_key }} is null then 'not_set'
        when {{ referenced }}.migration_status is null then '{{ missing_value }}'
        when {{ referenced }}.migration_status = 'migrated' then 'linked'
        else {{ referenced }}.migration_status
    end
{%- endmacro %}
