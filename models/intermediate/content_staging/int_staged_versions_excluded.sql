-- Adobe Commerce content staging: every raw row of a version that is not current now (a
-- scheduled update not started yet, or a version a started update superseded), for
-- migration.exclusions. Empty on Open Source.

{%- set tables = [] %}
{%- for parent, spec in magento_staged_tables().items() %}
{%- do tables.append(parent) %}
{%- for child in spec.children %}
{%- do tables.append(child) %}
{%- endfor %}
{%- endfor %}

with

excluded as (

    {%- for table in tables %}
    {{ magento_noncurrent_version_rows(table) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}

)

select * from excluded
