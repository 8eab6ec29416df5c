package dev.nbo.features.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The category of a product, decided from its description by an ordered keyword table: the first category with a
 * keyword in the description wins, and a description with none (or no description) falls into {@value #FALLBACK}.
 *
 * <p>A keyword matches a whole word or phrase of the upper-cased description, in the singular or with an {@code S} or
 * {@code ES} plural: {@code BAG} matches "JUMBO BAG" and "PAPER BAGS", not "BAGUETTE"; {@code LIGHT} matches
 * "T-LIGHT" (a hyphen separates words) but not "TEALIGHT", which has its own keyword. The UCI descriptions name a
 * design before the object ("RED RETROSPOT CAKE STAND"), so designs and colours are never keywords. Seasonal
 * categories come first because a Christmas bag is bought for Christmas; then objects from the most specific to the
 * most general. The table is documented in {@code docs/online-retail-import.md}; change both together.
 */
public final class CategoryKeywords {
    /** The category of a description that matches no keyword. */
    public static final String FALLBACK = "other";

    private static final List<Category> TABLE = List.of(
            category("christmas", "CHRISTMAS", "XMAS", "ADVENT", "SANTA", "REINDEER", "SNOWFLAKE", "NATIVITY",
                    "BAUBLE", "SNOWMAN", "ELF", "TINSEL"),
            category("easter", "EASTER", "BUNNY", "CHICK", "HANGING EGG"),
            category("accessories", "NECKLACE", "NECKLAC", "BRACELET", "BRACLET", "EARRING", "RING", "CHARM",
                    "DIAMANTE", "BEAD", "BROOCH", "PENDANT", "BANGLE", "HAIR", "HAIRCLIP", "HAIRBAND", "HAIRSLIDE",
                    "BLING", "JEWEL", "JEWELLERY", "TIARA", "KEYRING", "KEY RING", "KEY FOB", "KEY-CHAIN", "UMBRELLA",
                    "SCARF", "GLOVES", "MITTENS", "HAT", "SLIPPER", "SOCKS", "PONCHO", "EAR MUFF", "SUNGLASSES",
                    "WALLET", "BADGE", "NECKL", "CHOKER", "LARIAT", "HAIR CLIP", "CLIPS"),
            category("bags", "BAG", "HANDBAG", "PURSE", "TOTE", "SHOPPER", "WASHBAG", "RUCKSACK", "BACKPACK"),
            category("lighting", "CANDLE", "T-LIGHT", "TEALIGHT", "TEA LIGHT", "LANTERN", "LIGHT", "LAMP", "LAMPSHADE",
                    "NIGHTLIGHT", "CANDLESTICK", "CANDLEHOLDER", "CANDLEPOT", "INCENSE", "OIL BURNER", "CHANDELIER",
                    "TORCH", "BULB", "LED", "MATCHES"),
            category("party", "PARTY", "BIRTHDAY", "BUNTING", "BALLOON", "CONFETTI", "PAPER CHAIN", "CRACKER",
                    "PINATA", "DISCO BALL", "FLAGS", "COCKTAIL", "SOMBRERO"),
            category("bath", "SOAP", "BATH", "TOILET", "BATHROOM", "SHOWER CAP", "FLANNEL", "LIP GLOSS", "NAIL",
                    "COMB", "MAKE UP", "COSMETIC", "PLASTERS", "TOOTHBRUSH", "TISSUE", "BALM"),
            category("textiles", "CUSHION", "COVER", "DOORMAT", "BLANKET", "THROW", "HOT WATER BOTTLE", "QUILT",
                    "TOWEL", "CURTAIN", "BEDSPREAD", "PATCH", "PILLOW", "FILLER PAD", "WARMER", "HOTTIE", "MAT",
                    "TABLECLOTH"),
            category("kitchen", "MUG", "CUP", "TEACUP", "TEAPOT", "TEA", "COFFEE", "PLATE", "BOWL", "FRUITBOWL",
                    "CAKE", "CAKESTAND", "BAKING", "CUTLERY", "SPOON", "FORK", "KNIFE", "JAR", "TRAY", "NAPKIN",
                    "LUNCH BOX", "KITCHEN", "PANTRY", "APRON", "OVEN GLOVE", "OVEN MITT", "JUG", "BEAKER", "TUMBLER",
                    "CHOPSTICKS", "JAM", "BREAD", "EGG CUP", "EGG COSY", "TEA COSY", "WINE GLASS", "GOBLET", "DISH",
                    "BOTTLE", "PAN", "SAUCER", "COASTER", "PLACEMAT", "BISCUIT", "SUGAR", "MILK", "SCALES", "TIMER",
                    "STRAW", "ICE LOLLY", "LOLLY MAKERS", "JELLY", "RECIPE", "COOKIE CUTTER", "COLANDER", "SQUEEZER",
                    "TOASTRACK", "CANNISTER", "CANISTER", "TRIVET", "CHOPPING BOARD", "LADLE", "WHISK", "ROLLING PIN",
                    "PICNIC", "APERITIF GLASS", "CHAMPAGNE GLASS", "MILKSHAKE GLASS", "CHALICE", "FLASK", "BASIN",
                    "CLOCHE", "BISCUIT CUTTER"),
            category("stationery", "CARD", "WRAP", "PAPER", "NOTEBOOK", "NOTE", "PENCIL", "PEN", "ENVELOPE", "STICKER",
                    "TAPE", "JOURNAL", "NOTEPAD", "ERASER", "RUBBER", "CALENDAR", "DIARY", "BOOK", "SKETCHBOOK",
                    "POSTCARD", "STATIONERY", "WRITING SET", "PHOTO ALBUM", "SCISSOR", "GIFT TAG", "TAG", "RIBBON",
                    "CRAYON", "CHALK", "STAMP", "RULER", "SHARPENER", "BOOKMARK", "MEMO BOARD", "PAPERWEIGHT",
                    "P'WEIGHT", "MEMOBOARD", "HOLE PUNCH"),
            category("toys", "TOY", "DOLL", "DOLLY", "GAME", "PUZZLE", "JIGSAW", "CHILDRENS", "CHILDS", "KIDS", "BABY",
                    "SKIPPING ROPE", "SPINNING TOP", "MARBLES", "DOMINOES", "INFLATABLE", "TEDDY", "SOLDIER",
                    "PLAYHOUSE", "KNITTING", "SEWING", "CRAFT", "COLOURING", "PAINT SET", "PAINTING SET", "FELTCRAFT",
                    "KIT", "BALL", "YOYO", "MAGIC", "HELICOPTER", "LUDO", "SNAKES & LADDERS", "FLYING DISC", "PUPPET",
                    "FARM ANIMAL", "GLIDER", "TATTOO", "CANVAS", "ROCKING HORSE", "WHEELBARROW", "SPORTING FUN",
                    "HEADPHONES", "SPACEBOY", "SKITTLES", "BINGO", "BUILDING BLOCK", "PIGGY BANK", "MONSTER",
                    "DINOSAUR", "NAUGHTS & CROSSES", "BUBBLES", "SNAKE", "RADIO"),
            category("garden", "GARDEN", "GARDENER", "PLANT", "PLANTER", "FLOWER POT", "POT", "BIRD", "BIRDHOUSE",
                    "BIRD FEEDER", "WATERING CAN", "HERB", "SEED", "TROWEL", "SPADE", "GNOME", "WINDMILL",
                    "WIND CHIME", "WINDCHIME", "CHIME", "PARASOL", "HAMMOCK", "TOADSTOOL", "MUSHROOM", "TOOL",
                    "SCREWDRIVER", "SPIRIT LEVEL", "FLY SWAT", "TWINE", "WINDSOCK"),
            category("storage", "BOX", "TIN", "STORAGE", "DRAWER", "CABINET", "BASKET", "CRATE", "CHEST", "TRUNK",
                    "SHELF", "HAMPER", "CASE", "BIN", "TRINKET", "CONTAINER", "CADDY", "RACK", "PEG", "BUCKET"),
            category("decor", "SIGN", "DOORSIGN", "FRAME", "PHOTOFRAME", "CLOCK", "MIRROR", "PLAQUE", "WALL",
                    "PICTURE", "ORNAMENT", "DECORATION", "GARLAND", "WREATH", "DOORSTOP", "HOOK", "HANGER", "HANGING",
                    "VASE", "ART", "STAND", "HEART", "MAGNET", "DOORKNOB", "DRAWERKNOB", "KNOB", "BELL", "FAN",
                    "FEATHER", "FLOWER", "SCULPTURE", "STATUE", "CHALKBOARD", "BLACKBOARD", "BLACK BOARD", "MOBILE",
                    "FIGURE", "HOLDER", "STAR", "LETTERS", "BLOCK WORD", "NUMBER TILE", "TILE", "BUDDHA", "CHAIR",
                    "STOOL", "POUFFE", "BENCH", "DESK", "ROUND TABLE"));

    private CategoryKeywords() {
    }

    /** The category of a product description; {@value #FALLBACK} when the description is null or matches nothing. */
    public static String categoryOf(String description) {
        if (description == null) {
            return FALLBACK;
        }
        String text = description.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        for (Category category : TABLE) {
            if (category.pattern().matcher(text).find()) {
                return category.name();
            }
        }
        return FALLBACK;
    }

    /** Every category the rule can give, in table order, the fallback last. */
    public static List<String> categories() {
        List<String> names = new ArrayList<>(TABLE.stream().map(Category::name).toList());
        names.add(FALLBACK);
        return Collections.unmodifiableList(names);
    }

    /** The keywords of a category, in table order (empty for the fallback). */
    public static List<String> keywords(String category) {
        return TABLE.stream().filter(c -> c.name().equals(category)).findFirst().map(Category::keywords)
                .orElse(List.of());
    }

    private static Category category(String name, String... keywords) {
        String alternatives = Arrays.stream(keywords).map(Pattern::quote).collect(Collectors.joining("|"));
        Pattern pattern = Pattern.compile("(?<![A-Z0-9])(?:" + alternatives + ")(?:S|ES)?(?![A-Z0-9])");
        return new Category(name, List.of(keywords), pattern);
    }

    private record Category(String name, List<String> keywords, Pattern pattern) {
    }
}
