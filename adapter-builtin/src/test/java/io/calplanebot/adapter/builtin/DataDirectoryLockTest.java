package io.calplanebot.adapter.builtin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryLockTest {
    @TempDir
    Path data;

    @Test
    void aSecondStoreOnTheSameFolder_failsAtOnce_sayingTheFolderIsInUse() {
        try (VdirCalendarStore first = VdirCalendarStore.open(data, Clock.systemUTC())) {
            assertThatThrownBy(() -> VdirCalendarStore.open(data, Clock.systemUTC()))
                    .isInstanceOfSatisfying(DataDirectoryInUseException.class,
                            e -> assertThat(e.folder()).isEqualTo(first.dataDirectory()))
                    .hasMessageContaining("The data folder " + first.dataDirectory()
                            + " is in use by another CalPlaneBot process")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void theFolder_canBeOpenedAgain_onceTheFirstStoreIsClosed() {
        VdirCalendarStore.open(data, Clock.systemUTC()).close();

        try (VdirCalendarStore again = VdirCalendarStore.open(data, Clock.systemUTC())) {
            again.checkConnection();
        }
    }
}
