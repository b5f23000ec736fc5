package com.example.monitor.config;

import com.example.monitor.files.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a regular file (a link to one will do: SQL files and databases.yaml are the operator's) or
 * explains, in one phrase naming the absolute path, why it cannot be read.
 */
public final class FileReading {
    /**
     * Far above any real file (a thousand databases' entries are about 200 KB), and small enough that
     * reading one whole never exhausts a small heap: without it a multi-gigabyte file left in the wrong
     * place stopped start-up, or a service's run, with an OutOfMemoryError.
     */
    static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private FileReading() {
    }

    /**
     * Why a file that may be absent, and that another reader reads whole (Camel reads the working
     * directory's application.properties), must not be handed to it: that reader would block on a
     * FIFO or fill the heap with a huge file. Empty when the file is absent or may be read; a link to
     * nothing is not taken for an absent file, since it is an operator's mistake.
     */
    public static Optional<String> refusalOfOptional(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (FileKind.followingLinks(absolute) == FileKind.MISSING) {
            return FileKind.of(absolute) == FileKind.SYMBOLIC_LINK
                    ? Optional.of(cannotRead(absolute, "a link to a missing file")) : Optional.empty();
        }
        return refusal(absolute);
    }

    static Optional<byte[]> bytes(Path path, Consumer<String> onFailure) {
        Path absolute = path.toAbsolutePath().normalize();
        Optional<String> refusal = refusal(absolute);
        if (refusal.isPresent()) {
            onFailure.accept(refusal.get());
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(absolute)) {
            // read no more than allowed: the file may have grown since it was looked at
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                onFailure.accept(tooLarge(absolute, MAX_BYTES + 1L));
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            onFailure.accept(cannotRead(absolute, "no such file"));
        } catch (AccessDeniedException e) {
            onFailure.accept(cannotRead(absolute, "permission denied"));
        } catch (IOException e) {
            onFailure.accept(cannotRead(absolute, String.valueOf(e.getMessage())));
        }
        return Optional.empty();
    }

    /**
     * Strict UTF-8, where Java's decoding would silently replace a bad byte; the problem names where the
     * first one is, as an editor counts: {@code not UTF-8: an invalid byte at line 3, column 7}.
     */
    public static Optional<String> strictUtf8(byte[] content, Consumer<String> onProblem) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(content), out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            String before = out.toString();
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - before.lastIndexOf('\n');
            onProblem.accept("not UTF-8: an invalid byte at line " + line + ", column " + column);
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    /** Strict UTF-8, so a wrongly encoded file is reported rather than silently mangled. */
    static Optional<String> utf8Text(Path path, Consumer<String> onFailure) {
        return bytes(path, onFailure).flatMap(bytes -> strictUtf8(bytes,
                        problem -> onFailure.accept(cannotRead(path.toAbsolutePath().normalize(), "not valid UTF-8 text"))))
                // editors on Windows may prepend a BOM, which would hide the first SQL keyword
                .map(text -> text.isEmpty() || text.charAt(0) != BYTE_ORDER_MARK ? text : text.substring(1));
    }

    /** Looked at before opening: opening a FIFO blocks until someone writes to it, start-up or run alike. */
    private static Optional<String> refusal(Path absolute) {
        FileKind kind = FileKind.followingLinks(absolute);
        if (kind != FileKind.REGULAR) {
            return Optional.of(cannotRead(absolute, switch (kind) {
                case DIRECTORY -> "is a directory";
                case MISSING -> "no such file";
                default -> kind.description();
            }));
        }
        try {
            long size = Files.size(absolute);
            return size > MAX_BYTES ? Optional.of(tooLarge(absolute, size)) : Optional.empty();
        } catch (IOException e) {
            // the read that follows says why
            return Optional.empty();
        }
    }

    private static String tooLarge(Path absolute, long size) {
        return cannotRead(absolute, size + " bytes; a configuration or SQL file is read whole and may hold at most "
                + MAX_BYTES + " bytes");
    }

    private static String cannotRead(Path absolute, String reason) {
        return "cannot read " + absolute + " (" + reason + ")";
    }
}
