-- A product URL inside a category (Magento's metadata {"category_id":"12"}) names that category
-- when it is migrated, and only then. Compared as text, as the metadata prints the id: returns
-- the URLs whose category_id disagrees.

with

rewrites as (

    select * from {{ ref('url_rewrites') }}
    where entity_type = 'product'

),

categories as (

    select * from {{ ref('categories') }}

),

expected as (

    select
        rewrites.magento_id,
        rewrites.category_id,
        categories.id as expected_category_id
    from rewrites
    left join categories
        on rewrites.metadata ->> 'category_id' = cast(categories.magento_id as text)

)

select * from expected
where category_id is distinct from expected_category_id
