package com.example.monitor.config;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parsers of setting values; each throws {@link IllegalArgumentException} saying what is accepted. */
final class SettingParsers {

    /** A namespace names a lock file, a Kubernetes lease or a ZooKeeper node: kept to characters all of them take. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");

    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+]");

    private SettingParsers() {
    }

    static Function<String, Integer> wholeNumber(int min) {
        return text -> {
            try {
                int parsed = Integer.parseInt(text);
                if (parsed >= min) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted range
            }
            throw new IllegalArgumentException(Quoted.of(text) + " is not a whole number >= " + min);
        };
    }

    static Integer port(String text) {
        try {
            int parsed = Integer.parseInt(text);
            if (parsed >= 0 && parsed <= 65535) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(Quoted.of(text) + " is not a port number (0-65535; 0 picks a free port)");
    }

    /** One of the enum's constants, written in lower case. */
    static <E extends Enum<E>> Function<String, E> choice(String noun, Class<E> type) {
        return text -> Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(Quoted.of(text) + " is not a " + noun + "; use "
                        + Arrays.stream(type.getEnumConstants())
                                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(" or "))));
    }

    /** See {@link StartDates}, the one reader of start dates. */
    static LocalDateTime startDate(String text) {
        return StartDates.parse(text);
    }

    static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(Quoted.of(text) + " is not true or false");
        };
    }

    /** Owner, group and others as in {@code ls -l}; the owner must keep read and write. */
    static Set<PosixFilePermission> ownerWritablePermissions(String text) {
        Set<PosixFilePermission> parsed;
        try {
            if (text.length() != 9) {
                throw new IllegalArgumentException(text);
            }
            parsed = PosixFilePermissions.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Quoted.of(text) + " is not a permission string like rw-r-----");
        }
        if (!parsed.contains(PosixFilePermission.OWNER_READ) || !parsed.contains(PosixFilePermission.OWNER_WRITE)) {
            throw new IllegalArgumentException(Quoted.of(text) + " must let the owner read and write (start with rw-)");
        }
        if (text.indexOf('x') >= 0) {
            // the run's folders get their search bit from the read bits; a report is no program
            throw new IllegalArgumentException(Quoted.of(text) + " makes reports executable; reports are data: use r"
                    + " and w only, e.g. rw-r-----");
        }
        if (parsed.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IllegalArgumentException(Quoted.of(text) + " lets every user of the machine change a report;"
                    + " leave others without w, e.g. rw-r-----");
        }
        return parsed;
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(Quoted.of(text) + " is not a time zone; use e.g. Europe/Paris or UTC");
        }
    }

    /** Checked up front, without creating anything, so a run never does its work and then cannot report it. */
    static Path writableFolder(String text) {
        return writableFolder(text, "cannot write reports to ");
    }

    /** The inbox moves each request into its archive folders, so it must be writable too. */
    static Path inboxFolder(String text) {
        return writableFolder(text, "cannot take requests from ");
    }

    /**
     * The folder, or the nearest part of its path that is there, must be a writable folder. A link that
     * leads nowhere is there (it would stop the folder being created) and is not a folder.
     */
    private static Path writableFolder(String text, String problem) {
        Path dir = Path.of(text);
        Path absolute = dir.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new IllegalArgumentException(problem + absolute + " ("
                    + (existing == null ? "no such folder" : existing + " is not a writable folder") + ")");
        }
        if (!existing.equals(absolute)) {
            cannotBeMade(absolute).ifPresent(reason -> {
                throw new IllegalArgumentException(problem + absolute + " (" + reason + ")");
            });
        }
        return dir;
    }

    /**
     * Why a missing folder under a writable one could never be made, such as a name longer than the
     * file system allows: {@link Files#exists} says "missing" for that too, and the run would then do
     * all its work before failing to write its report. Only "no such file" means it can be made.
     */
    private static Optional<String> cannotBeMade(Path missing) {
        try {
            Files.readAttributes(missing, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            return Optional.of(e.getReason() == null ? e.getClass().getSimpleName() : e.getReason());
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** Host names or addresses as a Host header gives them, without a port; IPv6 in brackets; or {@code *}. */
    static List<String> hostNames(String text) {
        List<String> names = Arrays.stream(text.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(Locale.ROOT)).toList();
        for (String name : names) {
            if (!name.equals("*") && !HOST_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(Quoted.of(name) + " is not a host name; list names like"
                        + " monitor.example.com or 10.0.0.5 (IPv6 in brackets: [::1]), without a port, or * for any");
            }
        }
        return names;
    }

    static String clusterNamespace(String text) {
        if (!NAMESPACE.matcher(text).matches()) {
            throw new IllegalArgumentException(Quoted.of(text) + " is not a namespace; use lower-case letters, digits,"
                    + " '-' and '.', starting and ending with a letter or digit");
        }
        return text;
    }
}
