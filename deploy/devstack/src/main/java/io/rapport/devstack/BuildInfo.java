package io.rapport.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What Maven wrote into {@code rapport-devstack.properties} when it built this module. */
final class BuildInfo {

    private BuildInfo() {
    }

    /** The property's value, or an empty string when it is missing. */
    static String property(String name) {
        Properties built = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/rapport-devstack.properties")) {
            if (in != null) {
                built.load(in);
            }
        } catch (IOException e) {
            throw new DevstackException("Cannot read rapport-devstack.properties", e);
        }
        return built.getProperty(name, "");
    }
}
