package org.switchboard.protocol.spi;

import java.util.Collections;
import java.util.Enumeration;
import java.util.ResourceBundle;

final class EmptyBundle extends ResourceBundle {
    static final EmptyBundle INSTANCE = new EmptyBundle();

    @Override
    protected Object handleGetObject(String key) {
        return null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.emptyEnumeration();
    }
}
