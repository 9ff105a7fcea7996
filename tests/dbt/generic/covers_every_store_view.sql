{#
    Coverage of a per-store-view table: exactly one row per entity of `entities` (its `id`) and
    store view (every store of int_store_scopes but the admin/default scope 0), keyed by
    (`column_name`, store_id). Fails with the missing and the unexpected pairs.
#}
{% test covers_every_store_view(model, column_name, entities) %}

with

expected as (

    select
        entities.id as entity_id,
        store_views.store_id
    from {{ entities }} as entities
    cross join {{ ref('int_store_scopes') }} as store_views
    where not store_views.is_default_scope

),

actual as (

    select
        {{ column_name }} as entity_id,
        store_id
    from {{ model }}

),

missing as (

    select * from expected
    except all
    select * from actual

),

unexpected as (

    select * from actual
    except all
    select * from expected

)

select
    'missing' as problem,
    missing.*
from missing
union all
select
    'unexpected' as problem,
    unexpected.*
from unexpected

{% endtest %}
