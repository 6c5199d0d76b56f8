package io.calplanebot.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import io.calplanebot.app.config.LogConfig;
import io.calplanebot.app.config.LogFormat;
import com.fasterxml.jackson.core.JsonFactory;
import net.logstash.logback.decorate.JsonFactoryDecorator;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Logging as the spec shows it ({@code INFO 2025-12-27 10:30:00 - Webhook received: …}, UTC), or JSON lines, to the
 * console and to a rotating {@code logs/calplanebot.log}. The service logs to stdout; the CLI commands log to stderr
 * so that their results on stdout stay clean. In both formats, control characters and line separators in a message
 * (text from outside included) are escaped, so one event is always one line.
 */
public final class LogSetup {
    static final String PATTERN = "%level %d{yyyy-MM-dd HH:mm:ss, UTC} - %msg%n";

    private LogSetup() {
    }

    /**
     * @param toStdout  console lines go to stdout (service) or stderr (CLI)
     * @param withFile  also write the rotating log file
     */
    public static void configure(LogConfig config, boolean toStdout, boolean withFile) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget(toStdout ? "System.out" : "System.err");
        console.setEncoder(encoder(context, config.format()));
        console.start();
        root.addAppender(console);

        if (withFile) {
            Path file = config.directory().resolve("calplanebot.log");
            RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
            rolling.setContext(context);
            rolling.setName("file");
            rolling.setFile(file.toString());
            FixedWindowRollingPolicy policy = new FixedWindowRollingPolicy();
            policy.setContext(context);
            policy.setParent(rolling);
            policy.setFileNamePattern(config.directory().resolve("calplanebot.%i.log").toString());
            policy.setMinIndex(1);
            policy.setMaxIndex(5);
            policy.start();
            SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
            trigger.setContext(context);
            trigger.setMaxFileSize(FileSize.valueOf("10MB"));
            trigger.start();
            rolling.setRollingPolicy(policy);
            rolling.setTriggeringPolicy(trigger);
            rolling.setEncoder(encoder(context, config.format()));
            rolling.start();
            root.addAppender(rolling);
        }
        setLevel(config.level());
    }

    /**
     * Changes the level at runtime (LOG_LEVEL reload). Libraries stay at INFO or quieter unless TRACE is asked for:
     * at DEBUG they talk a lot.
     */
    public static void setLevel(String level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Level parsed = Level.toLevel(level, Level.INFO);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(parsed);
        Level libraries = parsed == Level.TRACE || parsed.isGreaterOrEqual(Level.INFO) ? parsed : Level.INFO;
        for (String name : new String[] {"org.eclipse.jetty", "org.apache.hc", "io.javalin", "net.fortuna.ical4j"}) {
            context.getLogger(name).setLevel(libraries);
        }
        // These print request headers and bodies, credentials included: never below INFO, whatever LOG_LEVEL says.
        for (String name : new String[] {"org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire"}) {
            context.getLogger(name).setLevel(parsed.isGreaterOrEqual(Level.INFO) ? parsed : Level.INFO);
        }
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
        if (format == LogFormat.JSON) {
            LogstashEncoder json = new LogstashEncoder();
            json.setContext(context);
            json.setJsonFactoryDecorator(new JsonFactoryDecorator() {
                @Override
                public JsonFactory decorate(JsonFactory factory) {
                    return factory.setCharacterEscapes(new ControlCharacterEscapes());
                }
            });
            json.start();
            return json;
        }
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        for (String word : new String[] {"m", "msg", "message"}) {
            layout.getInstanceConverterMap().put(word, EscapingMessageConverter::new);
        }
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> text = new LayoutWrappingEncoder<>();
        text.setContext(context);
        text.setLayout(layout);
        text.start();
        return text;
    }
}
