// Word lists for the demo catalogue. Prices are USD cents, weights grams; a qualifier carries its own leading separator.

export interface OptionSpec {
  name: string;
  values: string[];
  /** Pick a run of neighbouring values (sizes) rather than any subset (colours). */
  consecutive?: boolean;
  priceFactors?: number[];
  weightFactors?: number[];
}

export interface LeafSpec {
  name: string;
  slug: string;
  sku: string;
  price: [number, number];
  weight: [number, number];
  options: OptionSpec[];
  adjectives: string[];
  nouns: string[];
  qualifiers: string[];
  attributes: Record<string, string[]>;
  pitches: string[];
}

export interface RootSpec {
  name: string;
  slug: string;
  brands: string[];
  /** Word before the adjective in a title: the brand unless set (books start with "The"). */
  titlePrefix?: string;
  /** {name} is the product's short name (prefix + adjective + noun), {brand} its brand. */
  openers: string[];
  closers: string[];
  views: string[];
  attributes: Record<string, string[]>;
  children: LeafSpec[];
}

const apparelSizes: OptionSpec = { name: "Size", values: ["XS", "S", "M", "L", "XL", "XXL"], consecutive: true };
const shoeSizes: OptionSpec = { name: "Size", values: ["6", "7", "8", "9", "10", "11", "12"], consecutive: true };
const apparelColours: OptionSpec = { name: "Colour", values: ["Black", "White", "Navy", "Heather Grey", "Olive", "Rust", "Sand", "Forest Green", "Burgundy"] };
const deviceColours: OptionSpec = { name: "Colour", values: ["Black", "White", "Silver", "Midnight Blue", "Graphite", "Sage"] };
const homeColours: OptionSpec = { name: "Colour", values: ["White", "Ivory", "Charcoal", "Sage", "Terracotta", "Slate Blue", "Matte Black"] };
const gearColours: OptionSpec = { name: "Colour", values: ["Black", "Slate", "Forest Green", "Orange", "Teal", "Sand"] };
const storage: OptionSpec = { name: "Storage", values: ["128 GB", "256 GB", "512 GB", "1 TB"], consecutive: true, priceFactors: [1, 1.15, 1.35, 1.6] };
const format: OptionSpec = { name: "Format", values: ["Hardcover", "Paperback", "Ebook"], priceFactors: [1, 0.6, 0.4], weightFactors: [1, 0.55, 0] };
const volume = (values: string[]): OptionSpec => ({ name: "Volume", values, consecutive: true, priceFactors: [1, 1.45, 2.3], weightFactors: [1, 1.6, 3] });

const book = (name: string, slug: string, sku: string, price: [number, number], adjectives: string[], nouns: string[], qualifiers: string[], pitches: string[]): LeafSpec => ({
  name, slug, sku, price, weight: [250, 900], options: [format], adjectives, nouns, qualifiers, attributes: {}, pitches,
});

export const CATALOG: RootSpec[] = [
  {
    name: "Clothing", slug: "clothing",
    brands: ["Northwind", "Harbor & Pine", "Fieldhouse", "Kestrel", "Marlowe", "Tidewater", "Alder Row"],
    openers: ["The {name} is cut for everyday wear and made to last.", "Meet the {name}, a wardrobe staple you will reach for again and again.", "The {name} pairs clean lines with honest materials."],
    closers: ["Free returns within 30 days.", "Model is 6'1\" and wears a size M.", "Part of our responsibly made collection."],
    views: ["front view", "back view", "fabric close-up", "worn on model"],
    attributes: { Care: ["Machine wash cold", "Machine wash at 30°C", "Hand wash only", "Dry clean only"], "Country of origin": ["Portugal", "Peru", "Vietnam", "India", "Turkey"] },
    children: [
      { name: "T-Shirts & Tops", slug: "t-shirts-tops", sku: "TEE", price: [1499, 5999], weight: [140, 320], options: [apparelSizes, apparelColours],
        adjectives: ["Classic", "Essential", "Heavyweight", "Organic", "Vintage-Wash", "Lightweight", "Everyday"],
        nouns: ["Crew-Neck T-Shirt", "V-Neck Tee", "Long-Sleeve Top", "Henley", "Pocket Tee", "Polo Shirt", "Tank Top"],
        qualifiers: ["", " – Slim Fit", " – Relaxed Fit", " (2-Pack)", " in Organic Cotton"],
        attributes: { Material: ["100% cotton", "Organic cotton", "Cotton-linen blend", "Merino wool", "Recycled polyester blend"], Fit: ["Slim", "Regular", "Relaxed"] },
        pitches: ["The fabric is pre-shrunk, so it keeps its shape wash after wash.", "Reinforced shoulder seams stop it twisting out of shape.", "It layers easily under a jacket or works on its own.", "A soft brushed finish makes it comfortable from the first wear."] },
      { name: "Jackets & Coats", slug: "jackets-coats", sku: "JKT", price: [5999, 34999], weight: [450, 1800], options: [apparelSizes, apparelColours],
        adjectives: ["Waterproof", "Quilted", "Insulated", "Packable", "Wool-Blend", "Heritage", "Lightweight"],
        nouns: ["Rain Jacket", "Parka", "Bomber Jacket", "Puffer Jacket", "Overcoat", "Field Jacket", "Fleece Jacket"],
        qualifiers: ["", " with Detachable Hood", " – Recycled", " – Longline"],
        attributes: { Material: ["Recycled nylon", "Wool blend", "Waxed cotton", "Polyester shell with down fill", "Recycled fleece"], Fit: ["Regular", "Relaxed", "Tailored"] },
        pitches: ["Taped seams and a storm flap keep the weather out.", "Zipped hand pockets keep your phone and keys secure.", "It packs into its own pocket for travel.", "A brushed lining adds warmth without bulk."] },
      { name: "Trousers & Jeans", slug: "trousers-jeans", sku: "PNT", price: [3999, 12999], weight: [350, 900], options: [apparelSizes, apparelColours],
        adjectives: ["Slim", "Straight-Leg", "Stretch", "Tapered", "Relaxed", "Cropped"],
        nouns: ["Chinos", "Jeans", "Cargo Trousers", "Joggers", "Corduroy Trousers", "Linen Trousers", "Work Pants"],
        qualifiers: ["", " – 30\" Leg", " – 32\" Leg", " in Selvedge Denim"],
        attributes: { Material: ["Stretch cotton twill", "Selvedge denim", "Linen", "Corduroy", "Organic cotton"], Rise: ["Mid", "High", "Low"] },
        pitches: ["A touch of stretch gives you room to move.", "The waistband has hidden belt loops and a coin pocket.", "Bar-tacked pockets stand up to daily use.", "They soften and fade beautifully over time."] },
      { name: "Shoes", slug: "shoes", sku: "SHO", price: [4999, 19999], weight: [600, 1400], options: [shoeSizes, apparelColours],
        adjectives: ["Trail", "Leather", "Everyday", "Minimalist", "Cushioned", "Suede"],
        nouns: ["Running Shoes", "Sneakers", "Chelsea Boots", "Loafers", "Hiking Boots", "Derby Shoes", "Slip-Ons"],
        qualifiers: ["", " – Wide Fit", " with Recycled Sole", " II"],
        attributes: { Material: ["Full-grain leather", "Suede", "Knit mesh", "Canvas"], Sole: ["Natural rubber", "EVA foam", "Vibram rubber"] },
        pitches: ["A cushioned footbed keeps you comfortable all day.", "The grippy outsole handles wet pavements and gravel paths.", "They run true to size; go half a size up for thick socks.", "A padded collar prevents rubbing at the heel."] },
    ],
  },
  {
    name: "Electronics", slug: "electronics",
    brands: ["Voltra", "Lumen Labs", "Auralis", "Quanta", "Nimbus", "Corebyte", "Sonique"],
    openers: ["The {name} brings flagship features to everyday use.", "The {name} packs a lot of technology into a simple design.", "The {name} is designed to just work, out of the box."],
    closers: ["Includes a two-year limited warranty.", "USB-C cable included; power adapter sold separately.", "Free software updates for at least five years."],
    views: ["front view", "rear view", "side profile", "in use"],
    attributes: { Warranty: ["1 year", "2 years", "3 years"], Connectivity: ["Bluetooth 5.3", "Wi-Fi 6E", "Wi-Fi 7, Bluetooth 5.4", "USB-C"] },
    children: [
      { name: "Headphones & Audio", slug: "headphones-audio", sku: "AUD", price: [1999, 49999], weight: [40, 900], options: [deviceColours],
        adjectives: ["Wireless", "Noise-Cancelling", "Studio", "Compact", "True Wireless", "Portable"],
        nouns: ["Over-Ear Headphones", "Earbuds", "Bluetooth Speaker", "Soundbar", "On-Ear Headphones", "Smart Speaker"],
        qualifiers: ["", " with 40-Hour Battery", " – 2nd Gen", " Pro", " Max"],
        attributes: { "Battery life": ["8 hours", "24 hours", "40 hours", "60 hours"] },
        pitches: ["Adaptive noise cancelling tunes itself to your surroundings.", "Fast charging gives hours of playback from ten minutes on the cable.", "Multipoint pairing switches between your laptop and phone automatically.", "Custom drivers deliver deep bass without muddying the vocals."] },
      { name: "Phones & Tablets", slug: "phones-tablets", sku: "PHN", price: [19999, 149999], weight: [150, 700], options: [storage, deviceColours],
        adjectives: ["Ultra", "Lite", "Pro", "Plus", "Edge", "Neo"],
        nouns: ["Smartphone", "Tablet", "Foldable Phone", "E-Reader", "Mini Tablet"],
        qualifiers: ["", " X2", " (2026)", " 10.9-inch", " with Stylus"],
        attributes: { Display: ["6.1-inch OLED", "6.7-inch OLED", "10.9-inch LCD", "12.4-inch OLED"] },
        pitches: ["The bright display stays readable in direct sunlight.", "A triple-lens camera captures crisp detail in low light.", "All-day battery life with room to spare.", "Its aluminium frame is tough enough for daily knocks."] },
      { name: "Laptops", slug: "laptops", sku: "LAP", price: [49999, 249999], weight: [1000, 2500], options: [{ ...storage, values: ["256 GB", "512 GB", "1 TB", "2 TB"] }, deviceColours],
        adjectives: ["Thin & Light", "Performance", "Creator", "Business", "Gaming", "Convertible"],
        nouns: ["Laptop", "Notebook", "Ultrabook", "2-in-1 Laptop"],
        qualifiers: ["", " 13-inch", " 14-inch", " 16-inch", " with OLED Display"],
        attributes: { Memory: ["16 GB", "32 GB", "64 GB"], Processor: ["8-core", "10-core", "12-core", "16-core"] },
        pitches: ["It wakes instantly and stays cool under heavy workloads.", "The backlit keyboard has a satisfying 1.5 mm key travel.", "Two Thunderbolt ports drive an external display and charge at once.", "A 1080p webcam and studio microphones make calls sound clear."] },
      { name: "Cameras", slug: "cameras", sku: "CAM", price: [14999, 199999], weight: [300, 1500],
        options: [{ name: "Kit", values: ["Body Only", "With 18-55mm Lens", "With 24-105mm Lens"], priceFactors: [1, 1.2, 1.55], weightFactors: [1, 1.5, 2] }, { name: "Colour", values: ["Black", "Silver"] }],
        adjectives: ["Mirrorless", "Compact", "Action", "Instant", "Full-Frame", "Vlogging"],
        nouns: ["Camera", "Action Camera", "Instant Camera", "Camera Kit"],
        qualifiers: ["", " 4K", " II", " 24MP"],
        attributes: { Sensor: ["APS-C", "Full frame", "1-inch", "Micro Four Thirds"] },
        pitches: ["In-body stabilisation keeps handheld shots sharp.", "Fast autofocus tracks eyes on people and animals.", "It records 4K video at up to 60 frames per second.", "Weather sealing lets you keep shooting in the rain."] },
    ],
  },
  {
    name: "Home & Kitchen", slug: "home-kitchen",
    brands: ["Hearth & Co", "Oakmere", "Saltbox", "Lindenware", "Copperleaf", "Quillhouse", "Brightwell"],
    openers: ["The {name} makes everyday routines a little nicer.", "Bring the {name} home for years of reliable use.", "The {name} balances good looks with hard work."],
    closers: ["Backed by a five-year guarantee.", "Designed in our studio and tested in real kitchens.", "Ships in plastic-free packaging."],
    views: ["product shot", "styled in a room", "detail close-up", "shown with accessories"],
    attributes: { Care: ["Dishwasher safe", "Hand wash recommended", "Machine washable", "Wipe clean"] },
    children: [
      { name: "Cookware", slug: "cookware", sku: "CKW", price: [1999, 29999], weight: [500, 5000],
        options: [{ name: "Size", values: ["20 cm", "24 cm", "28 cm"], consecutive: true, priceFactors: [1, 1.2, 1.45], weightFactors: [1, 1.3, 1.7] }, homeColours],
        adjectives: ["Cast-Iron", "Non-Stick", "Stainless Steel", "Enamelled", "Tri-Ply", "Carbon Steel"],
        nouns: ["Frying Pan", "Dutch Oven", "Saucepan", "Skillet", "Wok", "Stockpot", "Sauté Pan"],
        qualifiers: ["", " with Lid", " – Induction Ready", " (Set of 2)"],
        attributes: { Material: ["Cast iron", "Tri-ply stainless steel", "Carbon steel", "Hard-anodised aluminium"] },
        pitches: ["It works on gas, electric and induction hobs.", "Oven-safe up to 260°C, handle and all.", "Heat spreads evenly to the edges, so nothing scorches in the middle.", "A pouring lip on each side makes sauces easy to serve."] },
      { name: "Bedding", slug: "bedding", sku: "BED", price: [2999, 24999], weight: [700, 3000],
        options: [{ name: "Size", values: ["Twin", "Full", "Queen", "King"], consecutive: true, priceFactors: [1, 1.15, 1.3, 1.45], weightFactors: [1, 1.15, 1.3, 1.45] }, homeColours],
        adjectives: ["Percale", "Sateen", "Linen", "Organic Cotton", "Cooling", "Down-Alternative"],
        nouns: ["Sheet Set", "Duvet Cover", "Quilt", "Pillowcase Set", "Comforter", "Throw Blanket"],
        qualifiers: ["", " – 400 Thread Count", " – Stonewashed", " with Deep Pockets"],
        attributes: { Material: ["Long-staple cotton", "European flax linen", "Bamboo lyocell", "Organic cotton"] },
        pitches: ["It gets softer with every wash.", "Breathable fibres keep you cool on warm nights.", "Corner ties keep the duvet from bunching up.", "OEKO-TEX certified, free from harmful substances."] },
      { name: "Small Appliances", slug: "small-appliances", sku: "APL", price: [2999, 59999], weight: [1000, 7000], options: [homeColours],
        adjectives: ["Programmable", "Compact", "Digital", "Cordless", "Smart", "Precision"],
        nouns: ["Coffee Maker", "Kettle", "Toaster", "Stand Mixer", "Blender", "Air Fryer", "Espresso Machine"],
        qualifiers: ["", " with Timer", " – 1.7 L", " with Glass Carafe", " 1500 W"],
        attributes: { Power: ["800 W", "1200 W", "1500 W", "1800 W"] },
        pitches: ["Presets take the guesswork out of everyday recipes.", "Removable parts go straight in the dishwasher.", "It heats up in under three minutes.", "A small footprint leaves room on the worktop."] },
      { name: "Tableware", slug: "tableware", sku: "TBL", price: [1499, 14999], weight: [400, 5000],
        options: [{ name: "Set", values: ["Set of 4", "Set of 6", "Set of 8"], consecutive: true, priceFactors: [1, 1.4, 1.8], weightFactors: [1, 1.5, 2] }, homeColours],
        adjectives: ["Stoneware", "Porcelain", "Hand-Glazed", "Speckled", "Stackable", "Recycled Glass"],
        nouns: ["Dinner Plates", "Bowls", "Mugs", "Tumblers", "Side Plates", "Pasta Bowls"],
        qualifiers: ["", " – Chip Resistant", " (Mixed Colours)"],
        attributes: { Material: ["Stoneware", "Porcelain", "Recycled glass", "Bone china"] },
        pitches: ["Each piece is glazed by hand, so no two are quite the same.", "Microwave and oven safe for easy reheating.", "They stack neatly to save cupboard space.", "Chip-resistant rims stand up to daily use."] },
    ],
  },
  {
    name: "Sports & Outdoors", slug: "sports-outdoors",
    brands: ["Summit Trail", "Ridgeback", "Peakform", "Wildhollow", "Trailcraft", "Bluefin", "Ironpine"],
    openers: ["The {name} is built for long days outside.", "Take the {name} wherever the weekend leads.", "The {name} is tested by athletes and weekend adventurers alike."],
    closers: ["Covered by our lifetime repair promise.", "Tested in the field for a full season before release.", "One percent of every sale supports trail maintenance."],
    views: ["product shot", "on the trail", "detail close-up", "packed size"],
    attributes: { Activity: ["Hiking", "Running", "Training", "Camping", "Cycling"] },
    children: [
      { name: "Camping & Hiking", slug: "camping-hiking", sku: "CMP", price: [1999, 49999], weight: [200, 5000], options: [gearColours],
        adjectives: ["Ultralight", "Waterproof", "Insulated", "Packable", "Expedition", "3-Season"],
        nouns: ["Tent", "Sleeping Bag", "Backpack", "Trekking Poles", "Headlamp", "Camp Stove", "Hammock"],
        qualifiers: ["", " – 2-Person", " 40 L", " with Rain Fly", " – Rated to -5°C"],
        attributes: { Material: ["Ripstop nylon", "Recycled polyester", "Aluminium", "Carbon fibre"] },
        pitches: ["It sets up in minutes, even in the dark.", "Every ounce has been questioned, so your pack stays light.", "Reflective guy lines and zip pulls are easy to find at night.", "It packs down small enough for a daypack."] },
      { name: "Fitness", slug: "fitness", sku: "FIT", price: [1499, 39999], weight: [200, 20000], options: [gearColours],
        adjectives: ["Adjustable", "Non-Slip", "Heavy-Duty", "Foldable", "Premium", "Compact"],
        nouns: ["Dumbbell Set", "Yoga Mat", "Kettlebell", "Resistance Bands", "Foam Roller", "Jump Rope", "Pull-Up Bar"],
        qualifiers: ["", " – 6 mm", " with Carry Strap", " (Set of 3)"],
        attributes: { Material: ["Natural rubber", "Cast iron", "TPE foam", "Steel"] },
        pitches: ["A textured grip stays secure even mid-sweat.", "It stores flat under a bed or sofa.", "Suitable for beginners and seasoned lifters alike.", "Quiet on hard floors, so early workouts do not wake the house."] },
      { name: "Cycling", slug: "cycling", sku: "CYC", price: [1999, 179999], weight: [150, 12000],
        options: [{ name: "Size", values: ["S", "M", "L", "XL"], consecutive: true }, gearColours],
        adjectives: ["Aero", "Gravel", "Commuter", "Carbon", "Folding", "Electric"],
        nouns: ["Bike Helmet", "Road Bike", "Bike Light Set", "Cycling Jersey", "Saddle", "Bike Lock"],
        qualifiers: ["", " – MIPS", " with USB-C Charging", " 2026"],
        attributes: { Material: ["Carbon fibre", "Aluminium alloy", "Recycled polyester", "Hardened steel"] },
        pitches: ["Built light and stiff for efficient climbing.", "High-visibility details help you stand out in traffic.", "Tool-free adjustment gets the fit right in seconds.", "Ride-tested over thousands of kilometres of mixed terrain."] },
    ],
  },
  {
    name: "Books", slug: "books", titlePrefix: "The",
    brands: ["Lantern Press", "Greywater Books", "Marigold House", "Foxglove & Finch", "Ampersand Editions", "Meridian Publishing", "Tallow Street"],
    openers: ["{name} is the new title from {brand}.", "Readers are already calling {name} a modern classic.", "{name} is one of this season's most talked-about books."],
    closers: ["Also available as an ebook.", "Signed copies available while stocks last.", "A perfect gift for the curious reader."],
    views: ["front cover", "back cover", "spine", "inside pages"],
    attributes: { Author: ["Maya Ellison", "Tomás Reyes", "Priya Natarajan", "Owen Hartley", "Ingrid Solberg", "Kwame Mensah", "Clara Whitfield", "Jun Takeda"], Language: ["English"], Pages: ["192", "256", "320", "384", "448", "512"] },
    children: [
      book("Fiction", "fiction", "FIC", [899, 3499], ["Quiet", "Hidden", "Last", "Silver", "Burning", "Forgotten", "Winter", "Salt"], ["Orchard", "Harbour", "Lighthouse", "Garden", "Letters", "Tide", "Kingdom", "River"],
        [": A Novel", ": A Mystery", ": Stories", " of Small Hours", ": A Thriller"], ["A sweeping story of family, secrets and second chances.", "Told across three summers on a remote island.", "Twisting, tender and impossible to put down.", "A debut that announces a major new voice."]),
      book("Cookbooks", "cookbooks", "CKB", [1299, 3999], ["Weeknight", "Plant-Based", "Slow", "Sunday", "Coastal", "Mediterranean"], ["Kitchen", "Table", "Pantry", "Bakery", "Skillet", "Supper Club"],
        [": 100 Simple Recipes", ": Recipes from a Small Farm", ": Cooking for Two", ": Everyday Baking"], ["Every recipe has been tested in a home kitchen.", "Full-page photographs accompany each dish.", "Most meals come together in under forty minutes.", "Shopping lists and seasonal menus make planning easy."]),
      book("Children's Books", "childrens-books", "KID", [899, 2499], ["Brave", "Sleepy", "Little", "Curious", "Very Busy", "Lost"], ["Fox", "Owl", "Dragon", "Bear", "Moon", "Robot"],
        [": A Picture Book", " and the Big Storm", " Goes to School", " Finds a Friend"], ["Bright illustrations bring every page to life.", "Perfect for bedtime reading with children aged 3 to 7.", "A gentle story about friendship and courage.", "Rhyming text makes it a joy to read aloud."]),
      book("Science & History", "science-history", "SCI", [1299, 3999], ["Hidden", "Invisible", "Restless", "Deep", "Brief", "Living"], ["Universe", "Ocean", "Empire", "Mind", "Forest", "Atlas", "Machine"],
        [": A History", ": How Nature Works", ": A Field Guide", ": The Science of Everyday Life"], ["Meticulously researched and vividly told.", "It makes big ideas feel simple without dumbing them down.", "Includes maps, diagrams and a full index.", "Written by a leading researcher in the field."]),
    ],
  },
  {
    name: "Beauty", slug: "beauty",
    brands: ["Luma Botanica", "Verdant Skin", "Glowhaus", "Petal & Stone", "Aurum Apothecary", "Clearwater Labs", "Maison Solenne"],
    openers: ["The {name} is a small luxury for your daily routine.", "Meet the {name}, one of our bestsellers.", "The {name} is formulated with skin-loving ingredients."],
    closers: ["Cruelty-free and vegan.", "Dermatologist tested.", "Packaged in recyclable glass."],
    views: ["product shot", "texture swatch", "ingredients label", "shown with packaging"],
    attributes: { "Skin type": ["All skin types", "Dry", "Oily", "Sensitive", "Combination"], Vegan: ["Yes", "No"] },
    children: [
      { name: "Skincare", slug: "skincare", sku: "SKN", price: [999, 8999], weight: [60, 400], options: [volume(["30 ml", "50 ml", "100 ml"])],
        adjectives: ["Hydrating", "Brightening", "Gentle", "Overnight", "Vitamin C", "Hyaluronic", "Soothing"],
        nouns: ["Serum", "Moisturiser", "Cleanser", "Face Oil", "Eye Cream", "Toner", "Face Mask"],
        qualifiers: ["", " with Niacinamide", " for Sensitive Skin", " SPF 30"],
        attributes: { "Key ingredient": ["Hyaluronic acid", "Niacinamide", "Vitamin C", "Squalane", "Ceramides"] },
        pitches: ["It absorbs quickly and leaves no sticky residue.", "Apply morning and night to clean skin.", "Fragrance-free and suitable for sensitive skin.", "Visible results in as little as two weeks."] },
      { name: "Haircare", slug: "haircare", sku: "HAR", price: [899, 4999], weight: [200, 1100], options: [volume(["250 ml", "500 ml", "1 L"])],
        adjectives: ["Repairing", "Volumising", "Sulfate-Free", "Curl-Defining", "Smoothing", "Clarifying"],
        nouns: ["Shampoo", "Conditioner", "Hair Mask", "Styling Cream", "Hair Oil", "Dry Shampoo"],
        qualifiers: ["", " with Argan Oil", " for Fine Hair", " – Salon Size"],
        attributes: { "Hair type": ["All hair types", "Curly", "Fine", "Coloured", "Thick"] },
        pitches: ["It cleans gently without stripping natural oils.", "A light scent of citrus and cedar lingers after rinsing.", "Safe for colour-treated hair.", "Frizz stays down, even on humid days."] },
      { name: "Fragrance", slug: "fragrance", sku: "FRG", price: [2999, 18999], weight: [150, 600], options: [volume(["30 ml", "50 ml", "100 ml"])],
        adjectives: ["Amber", "Cedar", "Fig", "Neroli", "Vetiver", "Rose", "Sea Salt"],
        nouns: ["Eau de Parfum", "Eau de Toilette", "Perfume Oil", "Body Mist"],
        qualifiers: ["", " Intense", " – Travel Spray", " No. 7"],
        attributes: { "Scent family": ["Woody", "Floral", "Citrus", "Fresh", "Oriental"] },
        pitches: ["Top notes of bergamot give way to a warm, woody base.", "Long-lasting without being overpowering.", "Blended in small batches in Grasse.", "A refillable bottle cuts down on waste."] },
      { name: "Makeup", slug: "makeup", sku: "MKP", price: [999, 5999], weight: [20, 200], options: [{ name: "Shade", values: ["Fair", "Light", "Medium", "Tan", "Deep", "Rich"] }],
        adjectives: ["Long-Wear", "Matte", "Dewy", "Tinted", "Sheer", "Satin"],
        nouns: ["Foundation", "Lipstick", "Concealer", "Blush", "Lip Tint", "Bronzer"],
        qualifiers: ["", " SPF 15", " – Refillable", " Stick"],
        attributes: { Finish: ["Matte", "Natural", "Radiant", "Satin"] },
        pitches: ["Buildable coverage that never looks cakey.", "It stays put for up to twelve hours.", "Blends seamlessly with fingers or a brush.", "Enriched with vitamin E to care for your skin."] },
    ],
  },
];
