package com.example.monitor.trigger;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The folders the inbox writes, inside it: each made at start-up and refused there when it is a link. */
public enum InboxFolder {

    /** A request claimed for its run, as {@code <name>.<runId>}. */
    IN_PROGRESS(".inprogress"),
    /** A request whose run ended with a report, and a cancel file that cancelled a run. */
    DONE(".done"),
    /** A refused request, or one whose report could not be written. */
    ERROR(".error"),
    /** A request whose run never started: the service was stopping. */
    CANCELLED(".cancelled");

    private final String folderName;

    InboxFolder(String folderName) {
        this.folderName = folderName;
    }

    /** Its name in the inbox, as the routes and the README write it. */
    public String folderName() {
        return folderName;
    }

    public Path in(Path inbox) {
        return inbox.resolve(folderName);
    }

    /** Where requests end up once processed: what monitor.keep-reports cleans. */
    public static List<InboxFolder> processed() {
        return Arrays.stream(values()).filter(folder -> folder != IN_PROGRESS).toList();
    }

    @Override
    public String toString() {
        return folderName;
    }
}
