package dev.nbo.features.generate;

import dev.nbo.models.offer.Offer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a customer is shopping for over a few sessions: one category, a product in focus, and whether it ends in a
 * purchase (decided when the mission starts, so that the sessions before the purchase already show the intent:
 * repeated views of the category, items added to the cart). Missions started from an email carry its offer.
 */
final class ShoppingMission {
    private final Category category;
    private final Product focus;
    private final boolean converts;
    private final Offer offer;
    private final List<Product> cart = new ArrayList<>(4);
    private int sessionsLeft;
    private int nextDay;

    ShoppingMission(Category category, Product focus, boolean converts, Offer offer, int sessions, int firstDay) {
        this.category = category;
        this.focus = focus;
        this.converts = converts;
        this.offer = offer;
        this.sessionsLeft = sessions;
        this.nextDay = firstDay;
    }

    Category category() {
        return category;
    }

    Product focus() {
        return focus;
    }

    boolean converts() {
        return converts;
    }

    /** The email offer that started the mission; null for missions the customer started. */
    Offer offer() {
        return offer;
    }

    List<Product> cart() {
        return cart;
    }

    boolean isLastSession() {
        return sessionsLeft == 1;
    }

    boolean isDue(int day) {
        return nextDay <= day;
    }

    /** Counts a session done; false when the mission is over. */
    boolean sessionDone(int nextSessionDay) {
        sessionsLeft--;
        nextDay = nextSessionDay;
        return sessionsLeft > 0;
    }
}
