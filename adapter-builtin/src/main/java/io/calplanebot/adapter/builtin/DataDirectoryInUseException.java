package io.calplanebot.adapter.builtin;

import io.calplanebot.core.port.out.CalendarStoreException;

import java.nio.file.Path;
import java.util.Objects;

/** Another CalPlaneBot process holds the data directory's lock: two writers would corrupt it, so this one stops. */
public class DataDirectoryInUseException extends CalendarStoreException {
    private static final long serialVersionUID = 1L;

    private final transient Path folder;

    public DataDirectoryInUseException(Path folder, String holder) {
        super(Reason.UNREACHABLE, "The data folder " + folder + " is in use by another CalPlaneBot process"
                + (holder.isBlank() ? "" : " (" + holder + ")") + ". Only one process may use a data folder at a time:"
                + " stop the other one, or give this one another data folder (DATA_DIR).");
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The data directory that is in use. */
    public Path folder() {
        return folder;
    }
}
