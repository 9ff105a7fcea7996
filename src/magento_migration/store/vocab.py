"""Word pools for names, addresses and texts. Some entries carry accents, apostrophes, 4-byte
UTF-8 characters, HTML, backslashes and tabs on purpose: a migration must carry them unchanged."""

from __future__ import annotations

FIRST_NAMES = (
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
    "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony",
    "Margaret", "Mark", "Sandra", "José", "Zoë", "Björn", "Łukasz", "Chloé", "Jürgen", "Renée",
    "François", "Søren", "Ana-María", "Siobhán", "Nguyễn", "Zoé", "Mathéo", "Léa", "Lukas",
    "Hannah", "Emma", "Noah", "Mia",
)  # fmt: skip
LAST_NAMES = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
    "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "O'Brien",
    "Müller", "Schmidt", "Schäfer", "Dubois", "Lefèvre", "García-Márquez", "D'Angelo",
    "van der Berg", "Øster", "Kowalczyk", "Nuñez", "Fernández", "Weiß", "Bernard", "Laurent",
    "Moreau", "Fischer", "Becker", "Wagner", "Hoffmann", "Smith-Jones", "McDonald", "Peña",
    "Ng",
)  # fmt: skip
STREET_NAMES = (
    "Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane", "Elm Street", "Park Road",
    "Washington Blvd", "Lake View Court", "Sunset Boulevard", "Hauptstraße", "Bahnhofstraße",
    "Rue de la Paix", "Avenue des Champs-Élysées", "Rue du Faubourg Saint-Honoré", "High Street",
    "Church Lane", "Königsallee", "Boulevard Saint-Germain", "King Street", "Queen Street",
)  # fmt: skip
STREET_EXTRAS = ("Apt 4B", "Suite 210", "Building C", "2nd floor", "c/o Reception", "Unit 7",
                 "Bâtiment A", "Hinterhaus", "PO Box 1234")  # fmt: skip
CITIES = {
    "US": ("Birmingham", "Detroit", "Austin", "Los Angeles", "New York", "Chicago", "Seattle",
           "Denver", "Miami", "Boston", "Ann Arbor", "San Francisco", "Houston", "Montgomery"),
    "CA": ("Toronto", "Montréal", "Vancouver", "Québec", "Ottawa", "Calgary"),
    "DE": ("Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Düsseldorf", "Leipzig"),
    "FR": ("Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Nantes", "Strasbourg", "Saint-Étienne"),
    "GB": ("London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Bristol", "Edinburgh"),
    "AU": ("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra"),
}  # fmt: skip
# Countries without regions in directory_country_region: region is free text, region_id NULL.
FREE_REGIONS = {
    "GB": ("Greater London", "West Midlands", "Greater Manchester", "West Yorkshire", "Scotland"),
    "AU": ("New South Wales", "Victoria", "Queensland", "Western Australia", "South Australia"),
}
COMPANIES = ("Acme Corp", "Globex GmbH", "Initech LLC", "Müller & Co. KG", "Société Dupont SARL",
             "O'Reilly Partners", "Umbrella Ltd", "Stark Industries")  # fmt: skip

ADJECTIVES = (
    "Classic", "Modern", "Vintage", "Urban", "Alpine", "Coastal", "Essential", "Premium",
    "Lightweight", "Rugged", "Organic", "Everyday", "Performance", "Cozy", "Breathable",
    "Heritage", "Nordic", "Café", "Señor", "Über",
)  # fmt: skip
NOUNS = (
    "Jacket", "Hoodie", "T-Shirt", "Backpack", "Sneaker", "Water Bottle", "Yoga Mat", "Beanie",
    "Scarf", "Rain Coat", "Hiking Boot", "Duffel Bag", "Sweater", "Cap", "Running Short",
    "Tank Top", "Fleece", "Parka", "Glove", "Sock",
)  # fmt: skip
NOUN_TRANSLATIONS = {
    "fr": ("Veste", "Sweat à capuche", "T-shirt", "Sac à dos", "Basket", "Gourde",
           "Tapis de yoga", "Bonnet", "Écharpe", "Imperméable", "Chaussure de randonnée",
           "Sac de voyage", "Pull", "Casquette", "Short de course", "Débardeur", "Polaire",
           "Parka", "Gant", "Chaussette"),
    "de": ("Jacke", "Kapuzenpullover", "T-Shirt", "Rucksack", "Turnschuh", "Trinkflasche",
           "Yogamatte", "Mütze", "Schal", "Regenmantel", "Wanderschuh", "Reisetasche", "Pullover",
           "Kappe", "Laufshorts", "Tanktop", "Fleecejacke", "Parka", "Handschuh", "Socke"),
    "es": ("Chaqueta", "Sudadera", "Camiseta", "Mochila", "Zapatilla", "Botella", "Esterilla",
           "Gorro", "Bufanda", "Impermeable", "Bota de montaña", "Bolsa", "Jersey", "Gorra",
           "Pantalón corto", "Camiseta de tirantes", "Forro polar", "Parka", "Guante", "Calcetín"),
}  # fmt: skip
# Special names a few products get (4-byte UTF-8, quotes, ampersand, HTML entity lookalike).
SPECIAL_NAMES = (
    "Eco Bottle 🌿 750 ml", "Hoodie \"Summit\" Édition", "Tent & Tarp Combo", "Kid's 𠮷 Tee",
    "Trail Shoe <Limited>", "Caffè Mug ☕", "Backslash \\ Bag",
)  # fmt: skip
CATEGORY_WORDS = (
    "Men", "Women", "Kids", "Gear", "Outdoor", "Sale", "New Arrivals", "Tops", "Bottoms",
    "Jackets", "Shoes", "Bags", "Accessories", "Fitness", "Yoga", "Running", "Hiking", "Travel",
    "Winter", "Summer", "Basics", "Premium", "Eco", "Gifts", "Home",
)  # fmt: skip
CATEGORY_TRANSLATIONS = {"fr": "Collection", "de": "Kollektion", "es": "Colección"}
TAGLINES = ("Built for the long run.", "Less weight, more adventure.", "Made to last — 2 years warranty.",
            "Sustainably sourced.", "Best seller since 2019!")  # fmt: skip
TAGLINE_TRANSLATIONS = {
    "fr": "Conçu pour durer.",
    "de": "Für die Ewigkeit gebaut.",
    "es": "Hecho para durar.",
}
DESCRIPTIONS = (
    "<p>Our {name} is made for everyday use.</p>\n<ul><li>Durable</li><li>Machine washable</li></ul>",
    "<p>The {name} combines comfort and style.</p>",
    "Plain text description of {name}.\nSecond line with a tab\there and a backslash \\ too.",
    "<p>{name}: 100% satisfaction guaranteed — “quoted” text & more.</p>",
)  # fmt: skip
REVIEW_TITLES = ("Great product", "Not bad", "Disappointed", "Love it! 😍", "Exactly as described",
                 "Größe passt nicht", "Très bon rapport qualité/prix", "Would buy again")  # fmt: skip
REVIEW_DETAILS = (
    "Fits perfectly and the quality is excellent.",
    "Arrived late but the product itself is fine.\nWould recommend.",
    "The color was different from the picture.",
    "Superbe qualité, je recommande !",
    "Leider zu klein — bitte eine Nummer größer bestellen.",
    "Five stars ⭐⭐⭐⭐⭐",
)  # fmt: skip
CUSTOMER_NOTES = (
    "VIP customer; call before delivery.",
    "Prefers e-mail contact.\nDo not call after 6pm.",
    "Asked for invoice with company name\t(ACME).",
    "Kunde möchte keine Werbung.",
)  # fmt: skip
DELIVERY_INSTRUCTIONS = (
    "Leave at the front door.",
    "Ring twice.\nIf nobody answers, leave with neighbour in 2B.",
    "Code portail : 1234A",
    "Bitte beim Nachbarn abgeben.",
)  # fmt: skip
LANGUAGES = ("en", "fr", "de", "es", "it", "nl")
