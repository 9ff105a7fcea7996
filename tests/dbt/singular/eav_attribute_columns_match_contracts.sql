-- The EAV attribute columns of each entity type (macro eav_attribute_columns, the list the
-- pivots use) agree with the service contracts: every attribute has its column, with the list's
-- type, in the yml columns of its service tables (the store-view tables: the localized ones).
-- Returns one row per disagreement.

{%- set contracts = {
    'product': ['products', 'product_localizations'],
    'category': ['categories', 'category_localizations'],
    'customer': ['customers'],
    'customer_address': ['customer_addresses'],
} %}
{%- set problems = [] %}
{%- if execute %}
{%- for entity_type, marts in contracts.items() %}
{%- for mart in marts %}
{%- set node = graph.nodes.get('model.' ~ project_name ~ '.' ~ mart) %}
{%- if mart.endswith('_localizations') %}
{%- set attributes = eav_localized_attribute_columns(entity_type) %}
{%- else %}
{%- set attributes = eav_attribute_columns(entity_type) %}
{%- endif %}
{%- for attribute in attributes %}
{%- set column = attribute.mart_column | default(attribute.column | default(attribute.code)) %}
{%- set expected = attribute.mart_type | default(attribute.type) %}
{%- set declared = node.columns.get(column) if node else none %}
{%- if declared is none %}
{%- do problems.append(mart ~ '.' ~ column ~ ' (' ~ attribute.code ~ '): not in the contract') %}
{%- else %}
{%- set types = [expected, declared.data_type or '']
    | map('lower')
    | map('replace', 'timestamp with time zone', 'timestamptz')
    | map('replace', ' ', '')
    | list %}
{%- if types[0] != types[1] %}
{%- do problems.append(
    mart ~ '.' ~ column ~ ' (' ~ attribute.code ~ '): '
    ~ expected ~ ' in the list, ' ~ declared.data_type ~ ' in the contract'
) %}
{%- endif %}
{%- endif %}
{%- endfor %}
{%- endfor %}
{%- endfor %}
{%- endif %}

with

problems as (

    {%- for problem in problems %}
    select '{{ problem }}' as problem
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- else %}
    select cast(null as text) as problem
    where false
    {%- endfor %}

)

select * from problems
