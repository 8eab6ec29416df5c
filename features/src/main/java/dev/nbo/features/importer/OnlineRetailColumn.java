package dev.nbo.features.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns of a UCI Online Retail export, with the names each release uses: the original data set
 * ({@code InvoiceNo}, {@code UnitPrice}, {@code CustomerID}) and "Online Retail II" ({@code Invoice}, {@code Price},
 * {@code Customer ID}). Names are compared ignoring case, spaces and underscores, because spreadsheet and pandas
 * exports of the same file disagree on those.
 */
enum OnlineRetailColumn {
    INVOICE("InvoiceNo", "Invoice"),
    STOCK_CODE("StockCode"),
    DESCRIPTION("Description"),
    QUANTITY("Quantity"),
    INVOICE_DATE("InvoiceDate"),
    UNIT_PRICE("UnitPrice", "Price"),
    CUSTOMER_ID("CustomerID", "Customer ID"),
    COUNTRY("Country");

    private final List<String> names;

    OnlineRetailColumn(String... names) {
        this.names = List.of(names);
    }

    /** The accepted names, e.g. {@code InvoiceNo or Invoice}. */
    String accepted() {
        return String.join(" or ", names);
    }

    /**
     * The file's column for each of ours. Refuses a file missing one of them (naming what was found and what is
     * accepted) or having two columns for the same one (e.g. both {@code Price} and {@code UnitPrice}).
     */
    static Map<OnlineRetailColumn, String> resolve(String file, String[] found) {
        Map<OnlineRetailColumn, String> resolved = new EnumMap<>(OnlineRetailColumn.class);
        List<OnlineRetailColumn> missing = new ArrayList<>();
        for (OnlineRetailColumn column : values()) {
            List<String> matches = List.of(found).stream().filter(column::matches).toList();
            if (matches.size() > 1) {
                throw new IllegalArgumentException(file + ": columns " + String.join(" and ", matches) + " both mean "
                        + column.accepted() + "; keep one of them");
            }
            if (matches.isEmpty()) {
                missing.add(column);
            } else {
                resolved.put(column, matches.get(0));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(file + " is missing the column" + (missing.size() > 1 ? "s " : " ")
                    + missing.stream().map(OnlineRetailColumn::accepted).collect(Collectors.joining(", "))
                    + "; its columns are " + String.join(", ", found) + ". A UCI Online Retail export needs "
                    + List.of(values()).stream().map(OnlineRetailColumn::accepted).collect(Collectors.joining(", "))
                    + " (case, spaces and underscores do not matter)");
        }
        return resolved;
    }

    private boolean matches(String name) {
        return names.stream().anyMatch(n -> normalized(n).equals(normalized(name)));
    }

    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
    }
}
