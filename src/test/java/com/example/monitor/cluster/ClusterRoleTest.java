package com.example.monitor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.monitor.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/**
 * The role a replica reports ({@link ClusterRole}), with real file-lock cluster services: two Camel
 * contexts in this JVM sharing one lock folder, as two replicas share it on a network file system.
 */
class ClusterRoleTest {

    private static final String NAMESPACE = "role-test";
    private static final Duration ELECTION = Duration.ofSeconds(20);

    @TempDir
    Path root;

    private final List<CamelContext> contexts = new ArrayList<>();

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    @Test
    void aProcessWithoutAClusterServiceLeadsAloneAndNamesNoNode() {
        ClusterRole alone = new ClusterRole();

        assertThat(alone.isClustered()).isFalse();
        assertThat(alone.isLeader()).isTrue();
        assertThat(alone.nodeId()).isEmpty();
        assertThat(alone.leaderId()).isEmpty();
    }

    @Test
    void theStandbyNamesTheLeaderAndTakesOverWhenTheLeaderStops() throws Exception {
        try (LogCapture log = LogCapture.atLevel(Level.INFO)) {
            ClusterRole n1 = replica("n1");
            ClusterRole n2 = replica("n2");

            await().atMost(ELECTION).until(() -> n1.isLeader() || n2.isLeader());
            ClusterRole leader = n1.isLeader() ? n1 : n2;
            ClusterRole standby = leader == n1 ? n2 : n1;
            String leaderId = leader.nodeId().orElseThrow();
            String standbyId = standby.nodeId().orElseThrow();

            assertThat(List.of(n1.nodeId().orElseThrow(), n2.nodeId().orElseThrow())).containsExactly("n1", "n2");
            assertThat(standby.isClustered()).isTrue();
            assertThat(standby.isLeader()).isFalse();
            assertThat(standby.leaderId()).contains(leaderId);
            assertThat(leader.leaderId()).contains(leaderId);
            assertThat(Files.readString(root.resolve(NAMESPACE + ".leader"))).isEqualTo(leaderId);
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).endsWith(
                    "replica " + standbyId + " is standby in " + NAMESPACE
                            + " (cluster service FileLockClusterService): the leader runs the schedule and the inbox"));
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).endsWith(
                    "replica " + leaderId + " is now the leader of " + NAMESPACE + ": it runs the schedule and the inbox"));

            contexts.get(leader == n1 ? 0 : 1).stop();

            await().atMost(ELECTION).until(standby::isLeader);
            assertThat(standby.leaderId()).contains(standbyId);
            assertThat(Files.readString(root.resolve(NAMESPACE + ".leader"))).isEqualTo(standbyId);
        }
    }

    @Test
    void aLeaderWhoseLockFileDisappearsSaysItIsStandbyAgain() throws Exception {
        try (LogCapture log = LogCapture.atLevel(Level.INFO)) {
            ClusterRole n1 = replica("n1");
            await().atMost(ELECTION).until(n1::isLeader);

            // someone cleans the shared folder: the lock no longer proves anything
            Files.delete(root.resolve(NAMESPACE));

            await().atMost(ELECTION).until(() -> log.lines().stream()
                    .anyMatch(line -> line.endsWith("replica n1 is standby again in " + NAMESPACE + ": it lost the lead")));
        }
    }

    private ClusterRole replica(String id) throws Exception {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(id);
        service.setRoot(root.toString());
        service.setAcquireLockInterval(1);
        service.setHeartbeatTimeoutMultiplier(2);
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        context.addService(service, true, true);
        ClusterRole role = new ClusterRole();
        role.join(service.getView(NAMESPACE), LeaderNotice.beside(root, NAMESPACE));
        context.start();
        return role;
    }
}
