package io.calplanebot.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, from the build. */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/calplanebot-version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String value = properties.getProperty("version", "").strip();
                if (!value.isEmpty() && !value.startsWith("$")) {
                    return value;
                }
            }
        } catch (IOException e) {
            // fall through to the development marker
        }
        return "development";
    }
}
