package dev.nbo.features.generate;

import java.util.List;

/** Word lists that product names are made of: a style word and a noun of the category, e.g. "Tempo Trail Shoe". */
final class ProductNames {
    private ProductNames() {
    }

    static List<String> styles(Category category) {
        return switch (category) {
            case RUNNING -> List.of("Tempo", "Pace", "Swift", "Aero", "Trail", "Pulse", "Nova", "Sprint");
            case GOLF -> List.of("Fairway", "Eagle", "Links", "Birdie", "Par", "Tour", "Greenside", "Caddie");
            case CYCLING -> List.of("Velo", "Cadence", "Chain", "Peloton", "Gravel", "Climb", "Draft", "Spoke");
            case YOGA -> List.of("Lotus", "Zen", "Flow", "Asana", "Breathe", "Balance", "Sun", "Calm");
            case OUTDOOR -> List.of("Summit", "Ridge", "Canyon", "Alpine", "Basecamp", "Timber", "Glacier", "Trek");
            case SWIMMING -> List.of("Tide", "Wave", "Lane", "Splash", "Reef", "Current", "Marina", "Dolphin");
            case TENNIS -> List.of("Baseline", "Ace", "Volley", "Slice", "Rally", "Court", "Deuce", "Topspin");
            case FITNESS -> List.of("Core", "Iron", "Power", "Flex", "Grit", "Forge", "Kinetic", "Rep");
            case WOMENSWEAR -> List.of("Aria", "Luna", "Sienna", "Willow", "Ivy", "Nora", "Stella", "Maya");
            case MENSWEAR -> List.of("Harbor", "Oxford", "Ranger", "Hudson", "Brooks", "Carter", "Dalton", "Reed");
            case KIDS -> List.of("Junior", "Mini", "Buddy", "Rocket", "Sunny", "Pip", "Scout", "Bolt");
            case HOME -> List.of("Nest", "Haven", "Cozy", "Hearth", "Linen", "Oak", "Meadow", "Loft");
        };
    }

    static List<String> nouns(Category category) {
        return switch (category) {
            case RUNNING -> List.of("Running Shoe", "Trail Shoe", "Race Singlet", "Running Shorts", "Running Tights",
                    "Wind Jacket", "Running Socks", "Hydration Vest", "GPS Watch", "Running Cap");
            case GOLF -> List.of("Driver", "Iron Set", "Putter", "Golf Balls", "Golf Glove", "Golf Polo",
                    "Stand Bag", "Golf Shoes", "Rangefinder", "Wedge");
            case CYCLING -> List.of("Road Helmet", "Bike Jersey", "Bib Shorts", "Bike Lights", "Saddle",
                    "Clipless Pedals", "Cycling Gloves", "Bike Computer", "Water Bottle Cage", "Rain Cape");
            case YOGA -> List.of("Yoga Mat", "Yoga Block", "Yoga Strap", "Yoga Leggings", "Yoga Bra",
                    "Meditation Cushion", "Mat Bag", "Yoga Towel", "Wrap Top", "Yoga Wheel");
            case OUTDOOR -> List.of("Hiking Pack", "Hiking Boots", "Rain Shell", "Fleece", "Tent", "Sleeping Bag",
                    "Trekking Poles", "Headlamp", "Camp Stove", "Down Vest");
            case SWIMMING -> List.of("Swimsuit", "Swim Goggles", "Swim Cap", "Swim Shorts", "Kickboard",
                    "Swim Fins", "Beach Towel", "Rash Guard", "Pull Buoy", "Swim Bag");
            case TENNIS -> List.of("Tennis Racket", "Tennis Balls", "Tennis Shoes", "Tennis Skirt", "Tennis Polo",
                    "Overgrip", "Racket Bag", "Wristbands", "Tennis Cap", "String Set");
            case FITNESS -> List.of("Dumbbells", "Kettlebell", "Resistance Bands", "Jump Rope", "Foam Roller",
                    "Training Shoes", "Pull-Up Bar", "Weight Bench", "Gym Bag", "Ab Wheel");
            case WOMENSWEAR -> List.of("Leggings", "Sports Bra", "Tank Top", "Hoodie", "Joggers", "Running Skirt",
                    "Parka", "Tee", "Sweatshirt", "Dress");
            case MENSWEAR -> List.of("Tech Hoodie", "Chinos", "Training Tee", "Joggers", "Rain Jacket", "Polo",
                    "Shorts", "Quarter Zip", "Parka", "Henley");
            case KIDS -> List.of("Sneakers", "Hoodie", "Swim Trunks", "Soccer Ball", "Shin Guards", "Backpack",
                    "Rain Jacket", "Leggings", "Tee", "Water Bottle");
            case HOME -> List.of("Weighted Blanket", "Throw Pillow", "Scented Candle", "Bath Towels", "Mug Set",
                    "Duvet Cover", "Diffuser", "Storage Basket", "Table Lamp", "Plant Pot");
        };
    }
}
