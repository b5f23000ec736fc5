package com.example.monitor.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path is, looked at without following a link: the one check made before a file the product
 * did not write itself is opened, since opening a FIFO blocks and a link may lead anywhere.
 */
public enum FileKind {
    REGULAR("a regular file"),
    SYMBOLIC_LINK("a symbolic link"),
    DIRECTORY("a folder"),
    OTHER("not a regular file (a FIFO, socket or device)"),
    MISSING("no such file");

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** The phrase a reason or an error gives for it. */
    public String description() {
        return description;
    }

    public static FileKind of(Path path) {
        try {
            return of(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            return OTHER;
        }
    }

    /** As {@link #of(Path)}, but through a link: for files an operator may well link (SQL, databases.yaml). */
    public static FileKind followingLinks(Path path) {
        try {
            return of(Files.readAttributes(path, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            return OTHER;
        }
    }

    private static FileKind of(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        }
        if (attributes.isRegularFile()) {
            return REGULAR;
        }
        return attributes.isDirectory() ? DIRECTORY : OTHER;
    }
}
