package org.switchboard.desktop.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;

/** The light and dark looks, applied to the whole application at once. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public static Theme fromSetting(String value) {
        return "dark".equals(value) ? DARK : LIGHT;
    }

    public String setting() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Our own rules on top of the theme (bubbles, badges). */
    public static String appStylesheet() {
        return Objects.requireNonNull(Theme.class.getResource("/org/switchboard/desktop/css/app.css"))
                .toExternalForm();
    }

    public void apply() {
        Application.setUserAgentStylesheet(stylesheet);
    }
}
