package com.example.monitor.cluster;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's role, for whoever needs to say it (the report's {@code node}, a status page, an API
 * that must send callers to the leader). Without a cluster service the process is alone and always
 * leads. With one, it follows the service's view of the namespace the triggers are elected in, and
 * logs each change of role with its id.
 */
public final class ClusterRole implements CamelClusterEventListener.Leadership {

    /** Its name in the registry, where ClusterActivation and the tests look it up. */
    public static final String BEAN = "clusterRole";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRole.class);

    private volatile CamelClusterView view;
    private volatile LeaderNotice notice = LeaderNotice.NONE;
    private volatile boolean leading;

    /** A process that runs alone until {@link #join} says otherwise. */
    public ClusterRole() {
    }

    /**
     * Joins the election of {@code service} in {@code namespace}; a file lock's replicas also leave a
     * note of the leader beside the lock.
     */
    public void join(CamelClusterService service, String namespace) throws Exception {
        join(service.getView(namespace), service instanceof FileLockClusterService fileLock && fileLock.getRoot() != null
                ? LeaderNotice.beside(Path.of(fileLock.getRoot()), namespace) : LeaderNotice.NONE);
    }

    /**
     * Follows the view's leadership from now on. The view starts with its service, so the replica is
     * a standby until the first election says otherwise.
     */
    void join(CamelClusterView view, LeaderNotice notice) {
        this.notice = notice;
        this.view = view;
        LOG.info("replica {} is standby in {} (cluster service {}): the leader runs the schedule and the inbox",
                view.getLocalMember().getId(), view.getNamespace(), view.getClusterService().getClass().getSimpleName());
        view.addEventListener(this);
    }

    /** Whether a cluster service elects the leader; otherwise this process is alone. */
    public boolean isClustered() {
        return view != null;
    }

    /** Whether this replica runs the schedule and the inbox: always true when it is alone. */
    public boolean isLeader() {
        CamelClusterView current = view;
        return current == null || current.getLocalMember().isLeader();
    }

    /** The replica's id, the cluster service's id; empty when there is no cluster service. */
    public Optional<String> nodeId() {
        CamelClusterView current = view;
        return current == null ? Optional.empty() : Optional.of(current.getLocalMember().getId());
    }

    /**
     * The id of the replica that leads: this one's when it leads; else the leader the cluster service
     * names, or the last one that announced itself (a file lock names no one else). Empty when alone or
     * when no leader is known yet.
     */
    public Optional<String> leaderId() {
        CamelClusterView current = view;
        if (current == null) {
            return Optional.empty();
        }
        if (current.getLocalMember().isLeader()) {
            return nodeId();
        }
        Optional<String> named = current.getLeader().filter(member -> !member.isLocal()).map(CamelClusterMember::getId);
        return named.isPresent() ? named : notice.read();
    }

    @Override
    public void leadershipChanged(CamelClusterView changed, CamelClusterMember leader) {
        boolean nowLeading = changed.getLocalMember().isLeader();
        if (nowLeading == leading) {
            return;
        }
        leading = nowLeading;
        String id = changed.getLocalMember().getId();
        if (nowLeading) {
            notice.announce(id);
            LOG.info("replica {} is now the leader of {}: it runs the schedule and the inbox", id,
                    changed.getNamespace());
        } else {
            LOG.warn("replica {} is standby again in {}: it lost the lead", id, changed.getNamespace());
        }
    }
}
