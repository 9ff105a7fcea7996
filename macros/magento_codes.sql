{#
    Magento's integer enumerations as readable codes, from the seed magento_codes
    (seeds/_seeds.yml names each code_set's Magento column); a code the seed lacks is kept as
    'unknown_<code>', NULL stays NULL. The code set is read once per query, as a jsonb object
    {magento_code: code} (an uncorrelated subquery: one InitPlan): as fast as the `case` it
    replaces, where a correlated lookup per row is ten times slower (DECISIONS.md, "Services").
#}
{% macro magento_code(code_set, column) -%}
    coalesce(
        (
            select jsonb_object_agg(magento_codes.magento_code, magento_codes.code)
            from {{ ref('magento_codes') }} as magento_codes
            where magento_codes.code_set = '{{ code_set }}'
        ) ->> cast({{ column }} as text),
        'unknown_' || {{ column }}
    )
{%- endmacro %}


{#
    Customer gender from its option label (Magento stores the option id of the `gender`
    attribute, whose admin labels are Male, Female, Not Specified), through the seed
    magento_gender_labels (lower-case labels, read once per query as magento_code() does); a
    label the seed lacks is 'other'.
#}
{% macro gender_code(label_column) -%}
    case
        when {{ label_column }} is null then null
        else coalesce(
            (
                select jsonb_object_agg(magento_gender_labels.label, magento_gender_labels.gender)
                from {{ ref('magento_gender_labels') }} as magento_gender_labels
            ) ->> lower({{ label_column }}),
            'other'
        )
    end
{%- endmacro %}


{#
    What Magento's grand total adds up to: subtotal + shipping + tax + discount (discount is
    negative) + the discount tax compensations of tax-inclusive catalogs. Used to flag orders whose
    stored total disagrees (migration.repairs), never to change them.
#}
{% macro order_expected_grand_total() -%}
    (
        coalesce(subtotal, 0) + coalesce(shipping_amount, 0) + coalesce(tax_amount, 0)
        + coalesce(discount_amount, 0) + coalesce(discount_tax_compensation_amount, 0)
        + coalesce(shipping_discount_tax_compensation_amount, 0)
    )
{%- endmacro %}
