package com.example.monitor.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's id, written next to the lock by the replica that takes the lead, so that standbys can
 * name it: Camel's file lock records only a random member id. Kubernetes and ZooKeeper name the
 * leader themselves and need no notice. It says who took the lead last, so between a leader's death
 * and the next election it still names the dead one.
 */
final class LeaderNotice {

    static final LeaderNotice NONE = new LeaderNotice(null);
    private static final Logger LOG = LoggerFactory.getLogger(LeaderNotice.class);

    private final Path file;

    private LeaderNotice(Path file) {
        this.file = file;
    }

    /** {@code <root>/<namespace>.leader}, beside the file lock's own {@code <namespace>} and {@code <namespace>.dat}. */
    static LeaderNotice beside(Path lockRoot, String namespace) {
        return new LeaderNotice(lockRoot.resolve(namespace + ".leader"));
    }

    /** Best effort: a standby that cannot read it says the leader is unknown, nothing else depends on it. */
    void announce(String id) {
        if (file == null) {
            return;
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(temp, id, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("could not write the leader's id to {}: {}", file, e.getMessage());
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", temp, e.getMessage());
        }
    }

    Optional<String> read() {
        if (file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()).filter(id -> !id.isEmpty());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("could not read the leader's id from {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
