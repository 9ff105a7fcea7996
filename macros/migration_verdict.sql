{#
    How a child row follows its parent through the migration. `parent` is the alias of the
    parent's *_checked relation, left-joined on `foreign_key`. Returns the quarantine reason (or
    NULL): a missing parent makes the row an orphan, a quarantined parent quarantines the row too.
    With required=false, a NULL foreign key is fine (e.g. a guest).
#}
{% macro parent_quarantine_reason(parent, foreign_key, parent_name, required=true) -%}
    case
        {%- if required %}
        when {{ foreign_key }} is null
            then 'orphan: no {{ parent_name }}'
        {%- else %}
        when {{ foreign_key }} is null
            then null
        {%- endif %}
        when {{ parent }}.migration_status is null
            then 'orphan: {{ parent_name }} ' || {{ foreign_key }} || ' does not exist'
        when {{ parent }}.migration_status = 'quarantined'
            then '{{ parent_name }} ' || {{ foreign_key }} || ' is quarantined'
    end
{%- endmacro %}


{#
    The verdict of a checked row: 'quarantined' when any reason applies (the first one is kept),
    'before_migration_start' when the migration_start_date filter leaves it out, else 'migrated'.
#}
{% macro migration_status(reasons, is_before_migration_start='false') -%}
    case
        when coalesce({{ reasons | join(', ') }}) is not null then 'quarantined'
        when {{ is_before_migration_start }} then 'before_migration_start'
        else 'migrated'
    end
{%- endmacro %}


{% macro quarantine_reason(reasons) -%}
    coalesce({{ reasons | join(', ') }})
{%- endmacro %}


{#
    Why a reference to a customer is (or is not) a customer UUID: 'linked' when the customer is
    migrated; 'guest' when Magento has no customer for the row; 'deleted_customer' when the
    customer is gone from Magento (its orders keep customer_is_guest = 0); 'before_migration_start'
    or 'quarantined' when the customer exists but was not migrated. Only 'linked' rows carry a
    customer_id in the services: never a UUID that points nowhere.
#}
{% macro customer_reference_status(customer_foreign_key, customers, is_guest=none) -%}
    case
        {%- if is_guest is not none %}
        when {{ customer_foreign_key }} is null and coalesce({{ is_guest }}, false) then 'guest'
        when {{ customer_foreign_key }} is null then 'deleted_customer'
        {%- else %}
        when {{ customer_foreign_key }} is null then 'guest'
        {%- endif %}
        when {{ customers }}.migration_status is null then 'deleted_customer'
        when {{ customers }}.migration_status = 'migrated' then 'linked'
        else {{ customers }}.migration_status
    end
{%- endmacro %}
