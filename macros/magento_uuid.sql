{#
    The UUID of a Magento entity: UUIDv5 of '<entity_type>:<magento_id>' in the migration's
    namespace (var uuid_namespace). Only the identity map calls this; every other model reads
    UUIDs from migration.magento_id_map. Being name-based, the same id always yields the same UUID,
    so a lost or rebuilt map re-issues identical UUIDs, and a service can compute the UUID of a
    Magento id on its own (uuid.uuid5(namespace, 'customer:42') in Python).
#}
{% macro magento_uuid(entity_type_column, magento_id_column) -%}
    public.uuid_generate_v5(
        cast('{{ var("uuid_namespace") }}' as uuid),
        {{ entity_type_column }} || ':' || cast({{ magento_id_column }} as text)
    )
{%- endmacro %}
