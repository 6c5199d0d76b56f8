<?php
/*
 * CalPlaneBot test servers: DAViCal configuration used when DAViCal is served by
 * `php -S 127.0.0.1:PORT` (DAViCal loads /etc/davical/<SERVER_NAME>-conf.php
 * before /etc/davical/config.php, and php -S sets SERVER_NAME to 127.0.0.1).
 * Install once:  install -m 644 davical-127.0.0.1-conf.php /etc/davical/127.0.0.1-conf.php
 * Per-instance values come from the environment of the php -S process:
 *   DAVICAL_PG_DSN    libpq connection string, e.g. "host=/tmp/x/run port=5432 dbname=davical user=davical_app"
 *   DAVICAL_AUTH_MODE "Basic" (default) or "Digest"
 */
$dsn = getenv('DAVICAL_PG_DSN');
$c->pg_connect[] = ($dsn !== false && $dsn !== '') ? $dsn : 'dbname=davical user=davical_app';
$c->http_auth_mode = (strcasecmp((string) getenv('DAVICAL_AUTH_MODE'), 'Digest') == 0) ? 'Digest' : 'Basic';
$c->admin_email = 'admin@example.com';
$c->system_name = 'DAViCal CalDAV Server';
$c->default_locale = 'en';
