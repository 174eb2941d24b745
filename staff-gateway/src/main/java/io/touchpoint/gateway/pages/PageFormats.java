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
}
