package io.touchpoint.gateway.pages;

import io.quarkus.qute.TemplateExtension;

import java.util.List;

/** Small formatting helpers the page templates use. */
@TemplateExtension
public final class PageFormats {

    private PageFormats() {
    }

    static String join(List<String> items, String separator) {
        return String.join(separator, items);
    }

    /** The first eight characters of a long id, enough to tell rows apart; the page keeps the whole id in a title. */
    static String abbreviated(String id) {
        return id == null || id.length() <= 9 ? id : id.substring(0, 8) + "…";
    }
}
