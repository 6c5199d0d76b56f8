package io.calplanebot.adapter.caldav.dav;

import javax.xml.namespace.QName;
import java.util.Map;

/** One propstat: properties that share a status. */
public record DavPropStat(int status, Map<QName, DavProperty> properties) {
    public DavPropStat {
        properties = Map.copyOf(properties);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
