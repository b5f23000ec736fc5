package com.example.monitor.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder the product writes (output, spool, the inbox's archives), and the only way it writes,
 * moves or deletes there: the folder is a real folder, not a link, each time; a file is written as a
 * temp file renamed in the same folder, with the given permissions, so nothing planted under its
 * name is written through; a move never replaces a file; a delete takes only a regular file directly
 * in the folder, never what a link points to. A file someone else put there (a request) is read only
 * when it is a regular file, not a link, under a size limit ({@link #readRegular}).
 */
public final class Folder {

    /** For folders of row data: only the owner may list or enter them. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> TEMP_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;
    private final Set<PosixFilePermission> filePermissions;

    private Folder(Path dir, Set<PosixFilePermission> filePermissions) {
        this.dir = dir.toAbsolutePath().normalize();
        this.filePermissions = Set.copyOf(filePermissions);
    }

    /**
     * The folder, made if missing (with its parents); refused when it is a link or not a folder.
     *
     * @param filePermissions of every file written in it
     */
    public static Folder open(Path dir, Set<PosixFilePermission> filePermissions) throws IOException {
        Folder folder = new Folder(dir, filePermissions);
        if (FileKind.of(folder.dir) == FileKind.MISSING) {
            Files.createDirectories(folder.dir);
        }
        folder.check();
        return folder;
    }

    /** As {@link #open}, and the folder itself made or narrowed to {@link #OWNER_ONLY}. */
    public static Folder openPrivate(Path dir, Set<PosixFilePermission> filePermissions) throws IOException {
        Folder folder = open(dir, filePermissions);
        if (posix(folder.dir)) {
            Files.setPosixFilePermissions(folder.dir, OWNER_ONLY);
        }
        return folder;
    }

    /**
     * As {@link #open}, and the folders it makes (up to one that exists) readable by whoever may read
     * the files: the file permissions, with the search bit wherever there is a read bit.
     */
    public static Folder openForReaders(Path dir, Set<PosixFilePermission> filePermissions) throws IOException {
        createForReaders(dir.toAbsolutePath().normalize(), filePermissions);
        return open(dir, filePermissions);
    }

    private static void createForReaders(Path dir, Set<PosixFilePermission> filePermissions) throws IOException {
        if (FileKind.of(dir) != FileKind.MISSING) {
            return;
        }
        if (dir.getParent() != null) {
            createForReaders(dir.getParent(), filePermissions);
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // another database's branch made it meanwhile
            return;
        }
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, searchableBy(filePermissions));
        }
    }

    private static Set<PosixFilePermission> searchableBy(Set<PosixFilePermission> filePermissions) {
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

    /** Why {@code dir} cannot be one of the product's folders, or null when it can (missing counts as can). */
    public static String problemWith(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        return switch (FileKind.of(dir)) {
            case DIRECTORY, MISSING -> null;
            case SYMBOLIC_LINK -> absolute + " is a symbolic link, not a folder";
            case REGULAR -> absolute + " is a file, not a folder";
            case OTHER -> absolute + " is not a folder";
        };
    }

    public Path path() {
        return dir;
    }

    /** Writes {@code name} whole or not at all: a reader never sees half of it, and an existing one is replaced. */
    public Path write(String name, ContentWriter content) throws IOException {
        check();
        Path target = inside(name);
        // .<stem>-<random><extension>.tmp: hidden, and never taken for the file itself
        int dot = name.lastIndexOf('.');
        Path temp = Files.createTempFile(dir, "." + (dot > 0 ? name.substring(0, dot) : name) + "-",
                (dot > 0 ? name.substring(dot) : "") + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                content.writeTo(channel);
            }
            return publish(temp, name);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Puts a file written whole under a temp name in this folder (by {@link #write}, or by another
     * writer such as DuckDB's COPY) into place as {@code name}, with the permissions: a reader never
     * sees half of it, and an existing one is replaced.
     */
    public Path publish(Path temp, String name) throws IOException {
        check();
        Path target = inside(name);
        if (posix(temp)) {
            Files.setPosixFilePermissions(temp, filePermissions);
        }
        try {
            // rename(2) replaces a link planted under the name; it never writes through it
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    public Path writeText(String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return write(name, channel -> Channels.newOutputStream(channel).write(bytes));
    }

    /** A new empty file of its own, for a writer that streams into it: made owner-only, then given the permissions. */
    public Path createNew(String name) throws IOException {
        check();
        if (!posix(dir)) {
            return Files.createFile(inside(name));
        }
        Path file = Files.createFile(inside(name), PosixFilePermissions.asFileAttribute(TEMP_FILE));
        Files.setPosixFilePermissions(file, filePermissions);
        return file;
    }

    /**
     * Moves {@code file} (itself, not what it may link to) into this folder as {@code name}.
     *
     * @throws FileAlreadyExistsException when the name is taken: nothing here is ever overwritten
     */
    public Path moveIn(Path file, String name) throws IOException {
        check();
        Path target = inside(name);
        if (FileKind.of(target) != FileKind.MISSING) {
            throw new FileAlreadyExistsException(target.toString());
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes {@code file} when it is a regular file directly in this folder; false, untouched, otherwise. */
    public boolean delete(Path file) throws IOException {
        check();
        Path absolute = file.toAbsolutePath().normalize();
        if (!dir.equals(absolute.getParent()) || FileKind.of(absolute) != FileKind.REGULAR) {
            return false;
        }
        return Files.deleteIfExists(absolute);
    }

    /** The entries directly in the folder, links and all, none followed. */
    public List<Path> list() throws IOException {
        check();
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    /**
     * Reads a regular file that is not a link, nor a hard link, of at most {@code maxBytes}: anything else is refused
     * before it is opened, so a FIFO cannot block the reader and a link cannot lead out of the folder.
     */
    public static byte[] readRegular(Path file, int maxBytes) throws IOException {
        FileKind kind = FileKind.of(file);
        if (kind != FileKind.REGULAR) {
            throw new RefusedFileException(kind.description());
        }
        // a hard link is a second name of another file, which may be one the reader must not see
        if (Files.getFileStore(file).supportsFileAttributeView("unix")
                && ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() > 1) {
            throw new RefusedFileException("a hard link to another file");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new RefusedFileException("larger than " + maxBytes / 1024 + " KB (" + size + " bytes)");
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new RefusedFileException("larger than " + maxBytes / 1024 + " KB");
            }
            return bytes;
        }
    }

    private void check() throws IOException {
        String problem = problemWith(dir);
        if (problem != null || FileKind.of(dir) == FileKind.MISSING) {
            throw new RefusedFileException(problem != null ? problem : dir + " is gone");
        }
    }

    private Path inside(String name) throws RefusedFileException {
        Path target = dir.resolve(name).normalize();
        if (!dir.equals(target.getParent())) {
            throw new RefusedFileException("'" + name + "' is not a plain file name");
        }
        return target;
    }

    private static boolean posix(Path path) throws IOException {
        return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    /** Writes a file's content into the channel of its temp file. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(FileChannel channel) throws IOException;
    }
}
