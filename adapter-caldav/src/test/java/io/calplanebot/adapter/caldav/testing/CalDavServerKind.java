package io.calplanebot.adapter.caldav.testing;

import io.calplanebot.adapter.caldav.AuthType;

import java.util.List;
import java.util.Set;

/** The CalDAV servers the tests can start, with what each needs from Debian. */
public enum CalDavServerKind {
    RADICALE("radicale", "radicale", false, Set.of(AuthType.BASIC),
            List.of("/usr/bin/python3", "/usr/lib/python3/dist-packages/radicale")),
    XANDIKOS("xandikos", "xandikos lighttpd", false, Set.of(AuthType.BASIC, AuthType.DIGEST),
            List.of("/usr/bin/python3", "/usr/bin/xandikos", "/usr/sbin/lighttpd")),
    DAVICAL("davical", "postgresql-15 php8.2-cgi davical (then .ci/install-caldav-servers.sh for"
            + " /etc/davical/127.0.0.1-conf.php)", true, Set.of(AuthType.BASIC, AuthType.DIGEST),
            List.of("/usr/bin/php", "/usr/share/davical/htdocs/caldav.php", "/usr/share/davical/dba/create-database.sh",
                    "/etc/davical/127.0.0.1-conf.php", "/usr/sbin/runuser")),
    SABREDAV("sabredav", "php-sabre-dav php8.2-sqlite3", false, Set.of(AuthType.BASIC, AuthType.DIGEST),
            List.of("/usr/bin/php", "/usr/share/php/Sabre/autoload.php", "/etc/php/8.2/mods-available/pdo_sqlite.ini")),
    CYRUS("cyrus", "cyrus-caldav sasl2-bin", true, Set.of(AuthType.BASIC),
            List.of("/usr/lib/cyrus/bin/master", "/usr/lib/cyrus/bin/httpd", "/usr/lib/cyrus/bin/deliver",
                    "/usr/sbin/saslpasswd2", "/usr/sbin/runuser"));

    private final String script;
    private final String packages;
    private final boolean needsRoot;
    private final Set<AuthType> auth;
    private final List<String> requiredFiles;

    CalDavServerKind(String script, String packages, boolean needsRoot, Set<AuthType> auth, List<String> requiredFiles) {
        this.script = script;
        this.packages = packages;
        this.needsRoot = needsRoot;
        this.auth = auth;
        this.requiredFiles = requiredFiles;
    }

    /** The suffix of its start-/stop- scripts. */
    public String script() {
        return script;
    }

    /** The Debian packages to install (apt-get install --no-install-recommends …). */
    public String packages() {
        return packages;
    }

    public boolean needsRoot() {
        return needsRoot;
    }

    public boolean supports(AuthType type) {
        return auth.contains(type);
    }

    List<String> requiredFiles() {
        return requiredFiles;
    }
}
