{#
    How a row follows its parent *in the same table* (an order item's parent item, a gateway
    transaction's parent transaction). `rows` is a relation (CTE) holding every row with its own
    quarantine reason in `own_reason_column`. The whole ancestor chain is walked, so a row is
    quarantined when any ancestor is missing or quarantined, however deep (capture -> refund is
    two levels below the authorization):

    - the parent does not exist:            'orphan: <parent_name> <parent id> does not exist'
    - the parent or an ancestor is not ok:  '<parent_name> <parent id> is quarantined'

    Returns a select of (`id_column`, reason) for the rows that fail, to left-join on the id.
    Chains are cut at 32 levels, so a cycle in the data cannot loop forever.
#}
{% macro ancestor_quarantine_reason(
    rows, id_column, parent_column, own_reason_column, parent_name
) -%}
    with recursive ancestors (row_id, parent_id, ancestor_id, depth) as (

        select
            {{ id_column }},
            {{ parent_column }},
            {{ parent_column }},
            1
        from {{ rows }}
        where {{ parent_column }} is not null

        union all

        select
            ancestors.row_id,
            ancestors.parent_id,
            ancestor_row.{{ parent_column }},
            ancestors.depth + 1
        from ancestors
        inner join {{ rows }} as ancestor_row
            on ancestors.ancestor_id = ancestor_row.{{ id_column }}
        where
            ancestor_row.{{ parent_column }} is not null
            and ancestors.depth < 32

    )

    select distinct on (ancestors.row_id)
        ancestors.row_id as {{ id_column }},
        case
            when ancestor_row.{{ id_column }} is null and ancestors.depth = 1
                then 'orphan: {{ parent_name }} ' || ancestors.parent_id || ' does not exist'
            else '{{ parent_name }} ' || ancestors.parent_id || ' is quarantined'
        end as reason
    from ancestors
    left join {{ rows }} as ancestor_row
        on ancestors.ancestor_id = ancestor_row.{{ id_column }}
    where
        ancestor_row.{{ id_column }} is null
        or ancestor_row.{{ own_reason_column }} is not null
    order by ancestors.row_id, ancestors.depth
{%- endmacro %}
