{#
    The EAV attributes each entity type carries as columns of its own: the one list per entity
    type that the pivots (int_*_pivoted), the store-view pivots (int_*_store_views_pivoted) and
    the service contracts use. Every other attribute is kept in the entity's jsonb column.

    code        Magento's attribute_code
    column      the column's name, when it is not the code
    type        the column's type (eav_cast_text)
    localized   false: not a column of the store-view tables (product_localizations,
                category_localizations), which keep it in `attributes` when it has store values
    mart_column, mart_type  the service table's column carrying the value unchanged, when its
                name or type differs (customer_service transforms some); none: no such column

    The contract (the marts' yml `columns`) cannot call a macro: the singular test
    eav_attribute_columns_match_contracts fails when a list and a contract disagree.
#}
{% macro eav_attribute_columns(entity_type) -%}
    {%- set lists = {
        'product': [
            {'code': 'name', 'type': 'text'},
            {'code': 'url_key', 'type': 'text'},
            {'code': 'url_path', 'type': 'text'},
            {'code': 'image', 'type': 'text'},
            {'code': 'small_image', 'type': 'text'},
            {'code': 'thumbnail', 'type': 'text'},
            {'code': 'description', 'type': 'text'},
            {'code': 'short_description', 'type': 'text'},
            {'code': 'meta_title', 'type': 'text'},
            {'code': 'meta_keyword', 'column': 'meta_keywords', 'type': 'text'},
            {'code': 'meta_description', 'type': 'text'},
            {'code': 'status', 'type': 'integer'},
            {'code': 'visibility', 'type': 'integer'},
            {'code': 'price', 'type': 'numeric(20,6)'},
            {'code': 'special_price', 'type': 'numeric(20,6)'},
            {'code': 'special_from_date', 'type': 'timestamptz'},
            {'code': 'special_to_date', 'type': 'timestamptz'},
            {'code': 'cost', 'type': 'numeric(20,6)', 'localized': false},
            {'code': 'msrp', 'type': 'numeric(20,6)', 'localized': false},
        ],
        'category': [
            {'code': 'name', 'type': 'text'},
            {'code': 'url_key', 'type': 'text'},
            {'code': 'url_path', 'type': 'text'},
            {'code': 'is_active', 'type': 'boolean'},
            {'code': 'include_in_menu', 'type': 'boolean'},
            {'code': 'is_anchor', 'type': 'boolean', 'localized': false},
            {'code': 'display_mode', 'type': 'text'},
            {'code': 'description', 'type': 'text'},
            {'code': 'image', 'type': 'text'},
            {'code': 'meta_title', 'type': 'text'},
            {'code': 'meta_keywords', 'type': 'text'},
            {'code': 'meta_description', 'type': 'text'},
        ],
        'customer': [
            {'code': 'prefix', 'type': 'text'},
            {'code': 'firstname', 'column': 'first_name', 'type': 'text'},
            {'code': 'middlename', 'column': 'middle_name', 'type': 'text'},
            {'code': 'lastname', 'column': 'last_name', 'type': 'text'},
            {'code': 'suffix', 'type': 'text'},
            {'code': 'email', 'type': 'text'},
            {'code': 'dob', 'type': 'date'},
            {'code': 'gender', 'type': 'integer', 'mart_column': 'magento_gender'},
            {'code': 'taxvat', 'type': 'text'},
        ],
        'customer_address': [
            {'code': 'prefix', 'type': 'text'},
            {'code': 'firstname', 'column': 'first_name', 'type': 'text'},
            {'code': 'middlename', 'column': 'middle_name', 'type': 'text'},
            {'code': 'lastname', 'column': 'last_name', 'type': 'text'},
            {'code': 'suffix', 'type': 'text'},
            {'code': 'company', 'type': 'text'},
            {'code': 'street', 'type': 'text', 'mart_type': 'jsonb'},
            {'code': 'city', 'type': 'text'},
            {'code': 'region', 'type': 'text'},
            {'code': 'region_id', 'type': 'bigint'},
            {'code': 'postcode', 'type': 'text'},
            {'code': 'country_id', 'type': 'text', 'mart_column': 'country'},
            {'code': 'telephone', 'type': 'text'},
            {'code': 'fax', 'type': 'text'},
            {'code': 'vat_id', 'type': 'text'},
        ],
    } -%}
    {%- if entity_type not in lists -%}
        {{ exceptions.raise_compiler_error("no EAV attribute columns for entity type '" ~ entity_type ~ "'") }}
    {%- endif -%}
    {{ return(lists[entity_type]) }}
{%- endmacro %}


{# The attributes of eav_attribute_columns that are columns of the entity's store-view table. #}
{% macro eav_localized_attribute_columns(entity_type) -%}
    {{ return(eav_attribute_columns(entity_type) | rejectattr('localized', 'equalto', false) | list) }}
{%- endmacro %}
