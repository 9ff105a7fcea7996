{#
    Magento's integer enumerations as readable codes, from the seed magento_codes
    (seeds/_seeds.yml names each code_set's Magento column); a code the seed lacks is kept as
    'unknown_<code>', NULL stays NULL.
#}
{% macro magento_code(code_set, column) -%}
    coalesce(
        (
            select magento_codes.code
            from {{ ref('magento_codes') }} as magento_codes
            where
                magento_codes.code_set = '{{ code_set }}'
                and magento_codes.magento_code = {{ column }}
        ),
        'unknown_' || {{ column }}
    )
{%- endmacro %}


{#
    Customer gender from its option label (Magento stores the option id of the `gender`
    attribute, whose admin labels are Male, Female, Not Specified), through the seed
    magento_gender_labels; a label the seed lacks is 'other'.
#}
{% macro gender_code(label_column) -%}
    case
        when {{ label_column }} is null then null
        else coalesce(
            (
                select magento_gender_labels.gender
                from {{ ref('magento_gender_labels') }} as magento_gender_labels
                where magento_gender_labels.label = lower({{ label_column }})
            ),
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
