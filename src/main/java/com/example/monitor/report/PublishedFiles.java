package com.example.monitor.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * How the output folder gets its files: each is written under a temp name in its final folder, given
 * the report permissions, then renamed into place, so a reader never sees half a file.
 */
final class PublishedFiles {

    private PublishedFiles() {
    }

    static void moveIntoPlace(Path temp, Path target, Set<PosixFilePermission> permissions) throws IOException {
        if (posix(temp)) {
            Files.setPosixFilePermissions(temp, permissions);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Creates a folder (and the ones above it, up to an existing one) readable by whoever may read the
     * files: the file permissions, plus the search bit wherever there is a read bit.
     */
    static void createFolder(Path folder, Set<PosixFilePermission> filePermissions) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.getParent();
        if (parent != null) {
            createFolder(parent, filePermissions);
        }
        try {
            Files.createDirectory(folder);
        } catch (FileAlreadyExistsException e) {
            // another database's branch made it meanwhile
            return;
        }
        if (posix(folder)) {
            Files.setPosixFilePermissions(folder, folderPermissions(filePermissions));
        }
    }

    static Set<PosixFilePermission> folderPermissions(Set<PosixFilePermission> filePermissions) {
        Set<PosixFilePermission> folder = EnumSet.noneOf(PosixFilePermission.class);
        folder.addAll(filePermissions);
        folder.add(PosixFilePermission.OWNER_EXECUTE);
        if (filePermissions.contains(PosixFilePermission.GROUP_READ)) {
            folder.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (filePermissions.contains(PosixFilePermission.OTHERS_READ)) {
            folder.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        return folder;
    }

    private static boolean posix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
