{#
    Identity-map test: every UUID in `column_name` was issued by the identity model of
    `entity_type` (migration_ids.magento_ids__<entity_type>, part of migration.magento_id_map) for
    the row's Magento id. With magento_id_column=none it only checks that the UUID
    exists in the map for that entity type (for references to other entities).
#}
{% test issued_by_identity_map(model, column_name, entity_type, magento_id_column=none) %}

select
    checked.{{ column_name }} as uuid_value
    {%- if magento_id_column %},
    checked.{{ magento_id_column }} as magento_id
    {%- endif %}
from {{ model }} as checked
left join {{ ref('magento_ids__' ~ entity_type) }} as id_map
    on
        checked.{{ column_name }} = id_map.new_uuid
        {%- if magento_id_column %}
        and checked.{{ magento_id_column }} = id_map.magento_id
        {%- endif %}
where
    checked.{{ column_name }} is not null
    and id_map.new_uuid is null

{% endtest %}
